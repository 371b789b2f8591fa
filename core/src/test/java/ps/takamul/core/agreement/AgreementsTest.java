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

    // ---------------------------------------------------------------- who an agreement's consumer covers

    /** Open agreements in force: one per kind of consumer, so only the consumer decides. */
    final Agreements byConsumer = new Agreements(List.of(
            agreement("SUB", "PS/GOV/MOH/health-records", "2026-01-01T00:00:00Z", null, Set.of(), "GET /**"),
            agreement("MEMBER", "PS/GOV/MOJ", "2026-01-01T00:00:00Z", null, Set.of(), "GET /**"),
            agreement("GROUP", "group:auditors", "2026-01-01T00:00:00Z", null, Set.of(), "GET /**")),
            Map.of("auditors", Set.of("PS/GOV/ACB", "PS/GOV/MOF/e-payments")));

    private String decidedBy(String client) {
        return byConsumer.decide(ClientId.parse(client), PERSON, "GET", "/848991048", null, NOW).id();
    }

    private void notCovered(String client) {
        assertThatThrownBy(() -> decidedBy(client)).as(client)
                .isInstanceOfSatisfying(TakamulException.class, e -> assertThat(e.error().code()).isEqualTo("Client.NoAgreement"));
    }

    @Test
    void aSubsystemAgreementCoversThatSubsystemOnly() {
        assertThat(decidedBy("PS/GOV/MOH/health-records")).isEqualTo("SUB");
        notCovered("PS/GOV/MOH/pharmacy");
        notCovered("PS/GOV/MOH");
        notCovered("PS/GOV/MOL/health-records");
    }

    @Test
    void aMemberWideAgreementCoversTheMemberAndEverySubsystemOfIt() {
        assertThat(decidedBy("PS/GOV/MOJ")).isEqualTo("MEMBER");
        assertThat(decidedBy("PS/GOV/MOJ/courts")).isEqualTo("MEMBER");
        assertThat(decidedBy("PS/GOV/MOJ/land-registry")).isEqualTo("MEMBER");
        assertThat(byConsumer.inForceFor(ClientId.parse("PS/GOV/MOJ/courts"), NOW)).extracting(DataSharingAgreement::id)
                .containsExactly("MEMBER");
    }

    @Test
    void aGroupCoversItsMembersWholeAndItsSubsystemsAlone() {
        assertThat(decidedBy("PS/GOV/ACB")).as("a member in the group").isEqualTo("GROUP");
        assertThat(decidedBy("PS/GOV/ACB/audit")).as("a subsystem of a member in the group").isEqualTo("GROUP");
        assertThat(decidedBy("PS/GOV/MOF/e-payments")).as("a subsystem in the group").isEqualTo("GROUP");
        notCovered("PS/GOV/MOF/treasury");
        notCovered("PS/GOV/MOF");
    }

    @Test
    void aMemberOfAnotherClassWithTheSameCodeIsNotCovered() {
        notCovered("PS/COM/MOH/health-records");
        notCovered("PS/COM/MOJ");
        notCovered("PS/COM/MOJ/courts");
        notCovered("PS/COM/ACB/audit");
        notCovered("PS/COM/MOF/e-payments");
        notCovered("XX/GOV/MOJ/courts");
    }

    private void refused(ClientId client, String method, String path, String purpose, String code) {
        assertThatThrownBy(() -> agreements.decide(client, PERSON, method, path, purpose, NOW))
                .isInstanceOfSatisfying(TakamulException.class, e -> assertThat(e.error().code()).isEqualTo(code));
    }
}
