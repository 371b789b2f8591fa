package ps.takamul.routes.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ps.takamul.core.agreement.Agreements;
import ps.takamul.core.agreement.DataSharingAgreement;
import ps.takamul.core.agreement.Operation;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.catalogue.ServiceDescription;
import ps.takamul.core.catalogue.ServiceProtocol;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.core.identifier.SubsystemId;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;

/** What the metaservices reveal, decided from the catalogue and the agreements in force. */
class ProviderServicesTest {
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final SubsystemId REGISTRY = SubsystemId.parse("PS/GOV/MOI/civil-registry");
    static final ClientId HEALTH = ClientId.parse("PS/GOV/MOH/health-records");
    static final ClientId LABOUR = ClientId.parse("PS/GOV/MOL/labour-registry");

    final Catalogue catalogue = MetadataFixtures.catalogue(
            List.of(MetadataFixtures.service("PS/GOV/MOI/civil-registry/person-by-id/v1", ServiceProtocol.REST),
                    MetadataFixtures.service("PS/GOV/MOI/civil-registry/person-by-id/v2", ServiceProtocol.REST),
                    MetadataFixtures.service("PS/GOV/MOI/civil-registry/family-extract/v1", ServiceProtocol.REST),
                    MetadataFixtures.service("PS/GOV/MOI/civil-registry/PersonByNationalId/v1", ServiceProtocol.SOAP)))
            .withAgreements(new Agreements(List.of(
                    agreement("A1", HEALTH, "PS/GOV/MOI/civil-registry/person-by-id/v1", null),
                    agreement("ENDED", HEALTH, "PS/GOV/MOI/civil-registry/family-extract/v1", Instant.parse("2026-01-01T00:00:00Z")),
                    agreement("A2", LABOUR, "PS/GOV/MOI/civil-registry/PersonByNationalId/v1", null)), Map.of()));
    final ProviderServices services = ProviderServices.of(catalogue, REGISTRY);

    static DataSharingAgreement agreement(String id, ClientId consumer, String service, Instant until) {
        return new DataSharingAgreement(id, consumer.toString(), ServiceId.parse(service), List.of(Operation.parse("GET /{nationalId}")),
                List.of(), Set.of(), null, null, Instant.parse("2025-01-01T00:00:00Z"), until, "test", Instant.parse("2025-01-01T00:00:00Z"));
    }

    static List<String> ids(List<ServiceDescription> services) {
        return services.stream().map(s -> s.id().toString()).toList();
    }

    @Test
    void listMethodsIsEveryServiceOfTheProtocolInCodeAndVersionOrder() {
        assertThat(ids(services.offered(ServiceProtocol.REST))).containsExactly(
                "PS/GOV/MOI/civil-registry/family-extract/v1", "PS/GOV/MOI/civil-registry/person-by-id/v1",
                "PS/GOV/MOI/civil-registry/person-by-id/v2");
        assertThat(ids(services.offered(ServiceProtocol.SOAP))).containsExactly("PS/GOV/MOI/civil-registry/PersonByNationalId/v1");
    }

    @Test
    void allowedMethodsCountsOnlyAgreementsInForce() {
        assertThat(ids(services.allowedTo(HEALTH, ServiceProtocol.REST, NOW)))
                .as("the family-extract agreement has ended").containsExactly("PS/GOV/MOI/civil-registry/person-by-id/v1");
        assertThat(services.allowedTo(LABOUR, ServiceProtocol.REST, NOW)).isEmpty();
        assertThat(ids(services.allowedTo(LABOUR, ServiceProtocol.SOAP, NOW))).containsExactly("PS/GOV/MOI/civil-registry/PersonByNationalId/v1");
    }

    @Test
    void aContractIsDescribedOnlyUnderAnAgreementForThatVersion() {
        assertThat(services.describedTo(HEALTH, ServiceProtocol.REST, "person-by-id", "v1", NOW).id().version()).isEqualTo("v1");
        assertRefused(() -> services.describedTo(HEALTH, ServiceProtocol.REST, "person-by-id", "v2", NOW), ErrorCode.NO_AGREEMENT);
        assertRefused(() -> services.describedTo(HEALTH, ServiceProtocol.REST, "family-extract", null, NOW), ErrorCode.NO_AGREEMENT);
        assertRefused(() -> services.describedTo(LABOUR, ServiceProtocol.REST, "person-by-id", "v1", NOW), ErrorCode.NO_AGREEMENT);
    }

    @Test
    void severalVersionsAndNoneNamedIsAnUnknownServiceThatSaysWhichExist() {
        assertThatThrownBy(() -> services.describedTo(HEALTH, ServiceProtocol.REST, "person-by-id", null, NOW))
                .isInstanceOfSatisfying(TakamulException.class, e -> {
                    assertThat(e.error()).isEqualTo(ErrorCode.UNKNOWN_SERVICE);
                    assertThat(e.detail()).contains("v1, v2");
                });
    }

    @Test
    void unknownServicesProvidersAndClientsAndTheWrongProtocol() {
        assertRefused(() -> services.describedTo(HEALTH, ServiceProtocol.REST, "nothing", null, NOW), ErrorCode.UNKNOWN_SERVICE);
        assertRefused(() -> services.describedTo(LABOUR, ServiceProtocol.REST, "PersonByNationalId", null, NOW), ErrorCode.PROTOCOL_MISMATCH);
        assertRefused(() -> ProviderServices.of(catalogue, SubsystemId.parse("PS/GOV/MOI/nothing")), ErrorCode.UNKNOWN_SERVICE);
        assertRefused(() -> ProviderServices.requireKnown(catalogue, ClientId.parse("PS/GOV/NOBODY")), ErrorCode.UNKNOWN_CLIENT);
    }

    @Test
    void endpointsAreTheOperationsTheAgreementsInForceOpen() {
        ServiceId person = ServiceId.parse("PS/GOV/MOI/civil-registry/person-by-id/v1");
        assertThat(services.operations(person, HEALTH, NOW)).containsExactly(Operation.parse("GET /{nationalId}"));
        assertThat(services.operations(person, LABOUR, NOW)).isEmpty();
        assertThat(services.operations(person, null, NOW)).containsExactly(Operation.parse("GET /{nationalId}"));
    }

    static void assertRefused(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(TakamulException.class, e -> assertThat(e.error()).isEqualTo(code));
    }
}
