package ps.takamul.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.core.agreement.AgreementLoader;
import ps.takamul.core.identifier.ServiceId;

/**
 * The catalogue files the project ships (config/catalogue, the node tests' services, the
 * benchmark's) load, with every service described in both languages and every contract in place.
 */
class ShippedCatalogueTest {
    /** The repository root, seen from the core module where Maven runs the tests. */
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    private final CatalogueLoader loader = new CatalogueLoader();

    @Test
    void theShippedCatalogueLoadsUnderItsAgreements() {
        Catalogue catalogue = new AgreementLoader().governing(loader.load(REPO.resolve("config/catalogue")),
                List.of(REPO.resolve("config/agreements")));

        assertThat(catalogue.members()).extracting(m -> m.id().toString())
                .containsExactlyInAnyOrder("PS/GOV/MOI", "PS/GOV/MOH", "PS/GOV/MOL", "PS/GOV/MOF");
        assertThat(catalogue.services()).hasSize(5);
        assertThat(catalogue.agreements().all()).isNotEmpty();
    }

    @Test
    void everyShippedServiceIsDescribedForPeopleAndHasItsContract() {
        Catalogue catalogue = loader.load(REPO.resolve("config/catalogue"));

        for (ServiceDescription s : catalogue.services()) {
            assertThat(s.name().ar()).as(s.id() + " name").isNotBlank();
            assertThat(s.name().en()).as(s.id() + " name").isNotBlank();
            assertThat(s.description().ar()).as(s.id() + " description").isNotBlank();
            assertThat(s.description().en()).as(s.id() + " description").isNotBlank();
            assertThat(s.owner()).as(s.id() + " owner").isNotNull();
            assertThat(s.contract()).as(s.id() + " contract").isNotNull().isRegularFile()
                    .startsWith(REPO.resolve("config/catalogue/contracts"));
            assertThat(s.contractType()).isEqualTo(ContractType.of(s.protocol()));
            assertThat(s.sla().expectedLatency()).as(s.id() + " expected latency").isNotNull();
        }
    }

    @Test
    void theShippedCivilRegistryNamesWhoseDataIsAskedFor() {
        Catalogue catalogue = loader.load(REPO.resolve("config/catalogue"));

        assertThat(service(catalogue, "PS/GOV/MOI/civil-registry/person-by-id/v1").dataSubject())
                .isEqualTo(new DataSubject(DataSubject.Location.PATH, "nationalId", null));
        assertThat(service(catalogue, "PS/GOV/MOI/civil-registry/PersonByNationalId/v1").dataSubject())
                .isEqualTo(new DataSubject(DataSubject.Location.XML, null, "/PersonByNationalIdRequest/nationalId"));
        assertThat(service(catalogue, "PS/GOV/MOI/civil-registry/person-by-id/v1").timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(service(catalogue, "PS/GOV/MOI/bills/payment-notification/v1").bodyLogging()).isEqualTo(BodyLogging.FULL);
    }

    /** The node tests copy test-services.yaml beside the shipped files; the benchmark adds its own folder. */
    @Test
    void theTestAndBenchmarkCataloguesLoadBesideTheShippedOne(@TempDir Path dir) throws IOException {
        Path tests = Files.createDirectories(dir.resolve("tests"));
        Files.copy(REPO.resolve("node/src/test/resources/test-services.yaml"), tests.resolve("test-services.yaml"));

        Catalogue catalogue = loader.load(List.of(REPO.resolve("config/catalogue"), tests, REPO.resolve("bench/catalogue")));

        assertThat(service(catalogue, "PS/GOV/TEST/provider/slow/v1").timeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(service(catalogue, "PS/GOV/BENCH/provider/echo/v1").connector().type()).isEqualTo("camel");
    }

    private static ServiceDescription service(Catalogue catalogue, String id) {
        return catalogue.service(ServiceId.parse(id)).orElseThrow();
    }
}
