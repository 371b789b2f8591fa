package ps.takamul.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static ps.takamul.core.catalogue.CatalogueFiles.CLIENTS;
import static ps.takamul.core.catalogue.CatalogueFiles.write;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.core.identifier.SubsystemId;

/** Look-ups and access rules on a loaded catalogue. */
class CatalogueTest {
    private static final SubsystemId REGISTRY = SubsystemId.parse("PS/GOV/MOI/civil-registry");

    private static Catalogue catalogue;

    @BeforeAll
    static void load(@TempDir Path folder) {
        write(folder, "moi.yaml", """
                members:
                  - id: PS/GOV/MOI
                    subsystems:
                      - code: civil-registry
                        services:
                          - code: person-by-id
                            version: v1
                            protocol: rest
                            connector: { type: http, url: "http://registry/v1" }
                            clients:
                              - PS/GOV/MOH/health-records
                          - code: person-by-id
                            version: v2
                            protocol: rest
                            connector: { type: http, url: "http://registry/v2" }
                            clients:
                              - PS/GOV/MOH
                          - code: person-by-id
                            protocol: rest
                            connector: { type: http, url: "http://registry/latest" }
                          - code: family-extract
                            version: v1
                            protocol: rest
                            connector: { type: http, url: "http://registry/family" }
                            clients:
                              - PS/GOV/MOL/labour-registry
                              - PS/GOV/MOH/pharmacy
                      - code: passports
                """);
        write(folder, "moh.yaml", CLIENTS);
        catalogue = new CatalogueLoader().load(folder);
    }

    private static ServiceDescription service(String id) {
        return catalogue.service(ServiceId.parse(id)).orElseThrow();
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

    // ---------------------------------------------------------------- allows

    @Test
    void serviceWithoutClientsDeniesEveryone() {
        ServiceDescription latest = service("PS/GOV/MOI/civil-registry/person-by-id");

        assertThat(latest.clients()).isEmpty();
        for (String client : new String[] {"PS/GOV/MOH", "PS/GOV/MOH/health-records", "PS/GOV/MOI",
                "PS/GOV/MOI/civil-registry"}) {
            assertThat(latest.allows(ClientId.parse(client))).as(client).isFalse();
        }
    }

    @Test
    void subsystemGrantAllowsThatSubsystemOnly() {
        ServiceDescription v1 = service("PS/GOV/MOI/civil-registry/person-by-id/v1");

        assertThat(v1.allows(ClientId.parse("PS/GOV/MOH/health-records"))).isTrue();
        assertThat(v1.allows(ClientId.parse("PS/GOV/MOH/pharmacy"))).as("sibling subsystem").isFalse();
        assertThat(v1.allows(ClientId.parse("PS/GOV/MOH"))).as("the member itself").isFalse();
        assertThat(v1.allows(ClientId.parse("PS/GOV/MOL/health-records"))).as("same code, other member").isFalse();
    }

    @Test
    void memberGrantCoversTheMemberAndAllItsSubsystems() {
        ServiceDescription v2 = service("PS/GOV/MOI/civil-registry/person-by-id/v2");

        assertThat(v2.allows(ClientId.parse("PS/GOV/MOH"))).isTrue();
        assertThat(v2.allows(ClientId.parse("PS/GOV/MOH/health-records"))).isTrue();
        assertThat(v2.allows(ClientId.parse("PS/GOV/MOH/pharmacy"))).isTrue();
        assertThat(v2.allows(ClientId.parse("PS/GOV/MOL"))).as("another member").isFalse();
        assertThat(v2.allows(ClientId.parse("PS/GOV/MOL/labour-registry"))).as("another member's subsystem").isFalse();
        assertThat(v2.allows(ClientId.parse("PS/COM/MOH/health-records"))).as("same code, other class").isFalse();
    }

    @Test
    void grantsOnOneVersionDoNotCarryOverToAnother() {
        assertThat(service("PS/GOV/MOI/civil-registry/person-by-id/v1").allows(ClientId.parse("PS/GOV/MOH/pharmacy")))
                .isFalse();
        assertThat(service("PS/GOV/MOI/civil-registry/person-by-id/v2").allows(ClientId.parse("PS/GOV/MOH/pharmacy")))
                .isTrue();
    }

    @Test
    void everyListedClientIsAllowed() {
        ServiceDescription extract = service("PS/GOV/MOI/civil-registry/family-extract/v1");

        assertThat(extract.allows(ClientId.parse("PS/GOV/MOL/labour-registry"))).isTrue();
        assertThat(extract.allows(ClientId.parse("PS/GOV/MOH/pharmacy"))).isTrue();
        assertThat(extract.allows(ClientId.parse("PS/GOV/MOH/health-records"))).isFalse();
        assertThat(extract.allows(ClientId.parse("PS/GOV/MOL"))).isFalse();
    }
}
