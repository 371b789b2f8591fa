package ps.takamul.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.core.catalogue.CatalogueException;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.identifier.ServiceId;

class AgreementLoaderTest {
    @TempDir
    Path dir;

    @Test
    void theShippedAgreementsLoad() {
        Agreements agreements = new AgreementLoader().load(Path.of("../config/agreements"));
        DataSharingAgreement moh = agreements.decide(ClientId.parse("PS/GOV/MOH/health-records"),
                ServiceId.parse("PS/GOV/MOI/civil-registry/person-by-id/v1"), "GET", "/848991048", "health-insurance",
                Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(moh.responseFields()).contains("/person/firstNameAr").doesNotContain("/person/motherNameAr");
        assertThat(moh.approvedBy()).isEqualTo("لجنة حوكمة البيانات - وزارة الداخلية");
    }

    @Test
    void everyProblemIsNamedWithFileAgreementAndField() throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), """
                agreements:
                  - id: A-1
                    consumer: group:nobody
                    service: PS/GOV/MOI
                    operations: ["FETCH"]
                    validFrom: yesterday
                    approvedBy: x
                    approvedAt: 2026-01-01T00:00:00Z
                  - id: A-1
                    consumer: PS/GOV/MOH
                    service: PS/GOV/MOI/civil-registry/person-by-id/v1
                    operations: ["GET /{id}"]
                    validFrom: 2026-01-01T00:00:00Z
                    validUntil: 2025-01-01T00:00:00Z
                    approvedBy: x
                    approvedAt: 2026-01-01T00:00:00Z
                """);
        assertThatThrownBy(() -> new AgreementLoader().load(dir))
                .isInstanceOfSatisfying(CatalogueException.class, e -> assertThat(e.problems()).anySatisfy(p ->
                        assertThat(p).startsWith("bad.yaml: agreement A-1: consumer: no group nobody"))
                        .anySatisfy(p -> assertThat(p).startsWith("bad.yaml: agreement A-1: service"))
                        .anySatisfy(p -> assertThat(p).startsWith("bad.yaml: agreement A-1: operations"))
                        .anySatisfy(p -> assertThat(p).startsWith("bad.yaml: agreement A-1: validFrom"))
                        .anySatisfy(p -> assertThat(p).contains("ends before it starts")));
    }

    @Test
    void anUnknownFieldIsNamedWithItsLine() throws Exception {
        Files.writeString(dir.resolve("typo.yaml"), "agreements:\n  - id: A-2\n    consumr: PS/GOV/MOH\n");
        assertThatThrownBy(() -> new AgreementLoader().load(dir))
                .isInstanceOfSatisfying(CatalogueException.class, e -> assertThat(e.problems().get(0))
                        .startsWith("typo.yaml: line 3").contains("consumr"));
    }
}
