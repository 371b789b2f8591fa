package ps.takamul.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.core.protocol.TakamulException;

class AgreementsTest {
    static final ServiceId PERSON = ServiceId.parse("PS/GOV/MOI/civil-registry/person-by-id/v1");
    static final ClientId MOH = ClientId.parse("PS/GOV/MOH/health-records");
    static final ClientId MOL = ClientId.parse("PS/GOV/MOL/labour-registry");
    static final ClientId MOF = ClientId.parse("PS/GOV/MOF/e-payments");
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    static DataSharingAgreement agreement(String id, String consumer, String from, String until, Set<String> purposes,
                                          String... operations) {
        return new DataSharingAgreement(id, consumer, PERSON, java.util.Arrays.stream(operations).map(Operation::parse).toList(),
                List.of("/person/firstNameAr"), purposes, null, null, Instant.parse(from), until == null ? null : Instant.parse(until),
                "مدير الحوكمة", Instant.parse("2026-01-01T00:00:00Z"));
    }

    final Agreements agreements = new Agreements(List.of(
            agreement("MOH-2026-01", "PS/GOV/MOH/health-records", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z",
                    Set.of("health-insurance"), "GET /{nationalId}"),
            agreement("MOL-2025", "PS/GOV/MOL", "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z", Set.of(), "GET /{nationalId}"),
            agreement("ALL-2027", "group:ministries", "2027-01-01T00:00:00Z", null, Set.of(), "GET /**")),
            Map.of("ministries", Set.of("PS/GOV/MOF", "PS/GOV/MOL")));

    @Test
    void anAgreementInForceCoveringTheOperationAndPurposeAllows() {
        assertThat(agreements.decide(MOH, PERSON, "GET", "/848991048", "health-insurance", NOW).id()).isEqualTo("MOH-2026-01");
    }

    @Test
    void noAgreementIsRefused() {
        refused(ClientId.parse("PS/GOV/MOJ/courts"), "GET", "/848991048", null, "Client.NoAgreement");
    }

    @Test
    void anExpiredAgreementIsRefused() {
        // MOL's own ended; the group's starts next year: the closest miss is the expiry
        refused(MOL, "GET", "/848991048", null, "Client.AgreementExpired");
    }

    @Test
    void aFutureAgreementIsNotYetInForce() {
        refused(MOF, "GET", "/848991048", null, "Client.AgreementNotYetValid");
        assertThat(agreements.decide(MOF, PERSON, "GET", "/848991048/family", null, Instant.parse("2027-02-01T00:00:00Z")).id())
                .as("group membership").isEqualTo("ALL-2027");
    }

    @Test
    void anOperationOutsideTheAgreementIsRefused() {
        refused(MOH, "POST", "/848991048", "health-insurance", "Client.OperationNotCovered");
        refused(MOH, "GET", "/848991048/family", "health-insurance", "Client.OperationNotCovered");
    }

    @Test
    void aMissingOrForeignPurposeIsRefused() {
        refused(MOH, "GET", "/848991048", null, "Client.PurposeRequired");
        refused(MOH, "GET", "/848991048", "curiosity", "Client.PurposeNotAllowed");
    }

    @Test
    void soapOperationsMatchByName() {
        Operation op = Operation.parse("SOAP PersonByNationalId");
        assertThat(op.matches("SOAP", "PersonByNationalId")).isTrue();
        assertThat(op.matches("SOAP", "FamilyExtract")).isFalse();
        assertThat(Operation.parse("GET /persons/{id}").matches("GET", "/persons/")).isFalse();
        assertThatThrownBy(() -> Operation.parse("GET")).isInstanceOf(IllegalArgumentException.class);
    }

    private void refused(ClientId client, String method, String path, String purpose, String code) {
        assertThatThrownBy(() -> agreements.decide(client, PERSON, method, path, purpose, NOW))
                .isInstanceOfSatisfying(TakamulException.class, e -> assertThat(e.error().code()).isEqualTo(code));
    }
}
