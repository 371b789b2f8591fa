package ps.takamul.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static ps.takamul.core.catalogue.CatalogueFiles.CLIENTS;
import static ps.takamul.core.catalogue.CatalogueFiles.VALID_SERVICE;
import static ps.takamul.core.catalogue.CatalogueFiles.moi;
import static ps.takamul.core.catalogue.CatalogueFiles.write;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ps.takamul.core.agreement.Agreements;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.core.identifier.SubsystemId;

/**
 * Look-ups on a loaded catalogue. Who may call what is for the agreements (AgreementsTest); a
 * catalogue alone lets nobody call anything.
 */
class CatalogueTest {
    private static final SubsystemId REGISTRY = SubsystemId.parse("PS/GOV/MOI/civil-registry");

    private static Catalogue catalogue;

    @BeforeAll
    static void load(@TempDir Path folder) {
        write(folder, "moi.yaml", moi(
                VALID_SERVICE,
                VALID_SERVICE.replace("version: v1", "version: v2"),
                VALID_SERVICE.replace("version: v1\n", ""),
                VALID_SERVICE.replace("code: person-by-id", "code: family-extract"))
                + """
                      - code: passports
                        name: { ar: الجوازات, en: Passports }
                """);
        write(folder, "moh.yaml", CLIENTS);
        catalogue = new CatalogueLoader().load(folder);
    }

    // ---------------------------------------------------------------- servicesByCode

    @Test
    void servicesByCodeReturnsEveryVersion() {
        assertThat(catalogue.servicesByCode(REGISTRY, "person-by-id"))
                .extracting(s -> s.id().version())
                .containsExactlyInAnyOrder("v1", "v2", null);
        assertThat(catalogue.servicesByCode(REGISTRY, "family-extract"))
                .extracting(s -> s.id().toString())
                .containsExactly("PS/GOV/MOI/civil-registry/family-extract/v1");
    }

    @Test
    void servicesByCodeIsEmptyForUnknownCodeOrSubsystem() {
        assertThat(catalogue.servicesByCode(REGISTRY, "no-such-service")).isEmpty();
        assertThat(catalogue.servicesByCode(REGISTRY, "Person-By-Id")).as("codes are case-sensitive").isEmpty();
        assertThat(catalogue.servicesByCode(SubsystemId.parse("PS/GOV/MOI/passports"), "person-by-id")).isEmpty();
        assertThat(catalogue.servicesByCode(SubsystemId.parse("PS/GOV/MOH/civil-registry"), "person-by-id")).isEmpty();
    }

    @Test
    void serviceLookUpIsExactIncludingVersion() {
        assertThat(catalogue.service(ServiceId.parse("PS/GOV/MOI/civil-registry/person-by-id/v1"))).isPresent();
        assertThat(catalogue.service(ServiceId.parse("PS/GOV/MOI/civil-registry/person-by-id/v3"))).isEmpty();
        assertThat(catalogue.service(ServiceId.parse("PS/GOV/MOI/civil-registry/family-extract"))).isEmpty();
    }

    // ---------------------------------------------------------------- isKnown

    @ParameterizedTest
    @ValueSource(strings = {"PS/GOV/MOH", "PS/GOV/MOH/health-records", "PS/GOV/MOH/pharmacy",
            "PS/GOV/MOL/labour-registry", "PS/GOV/MOI", "PS/GOV/MOI/civil-registry", "PS/GOV/MOI/passports"})
    void registeredMembersAndSubsystemsAreKnown(String client) {
        assertThat(catalogue.isKnown(ClientId.parse(client))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PS/GOV/MOX", "PS/GOV/MOX/health-records", "PS/GOV/MOH/no-such-subsystem",
            "PS/GOV/MOL/health-records", "PS/COM/MOH", "XX/GOV/MOH/health-records"})
    void anythingElseIsUnknown(String client) {
        assertThat(catalogue.isKnown(ClientId.parse(client))).isFalse();
    }

    // ---------------------------------------------------------------- agreements

    @Test
    void aCatalogueWithoutAgreementsIsGovernedByNone() {
        assertThat(catalogue.agreements()).isSameAs(Agreements.NONE);
        assertThat(catalogue.agreements().inForceFor(ClientId.parse("PS/GOV/MOH/health-records"), java.time.Instant.now()))
                .isEmpty();
    }
}
