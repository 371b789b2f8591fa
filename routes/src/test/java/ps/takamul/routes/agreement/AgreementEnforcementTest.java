package ps.takamul.routes.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import ps.takamul.core.agreement.Agreements;
import ps.takamul.core.agreement.DataSharingAgreement;
import ps.takamul.core.agreement.Operation;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;

/** The decision kept on the exchange, and answers that cannot be reduced never pass. */
class AgreementEnforcementTest {
    static final ServiceId PERSON = ServiceId.parse("PS/GOV/MOI/civil-registry/person-by-id/v1");
    static final ClientId MOH = ClientId.parse("PS/GOV/MOH/health-records");

    final DataSharingAgreement agreement = new DataSharingAgreement("MOI-MOH-1", "PS/GOV/MOH/health-records", PERSON,
            List.of(Operation.parse("GET /{id}")), List.of("/person/firstNameAr"), Set.of(), null, null,
            Instant.parse("2026-01-01T00:00:00Z"), null, "x", Instant.parse("2026-01-01T00:00:00Z"));
    final Catalogue catalogue = new Catalogue(List.of(), List.of())
            .withAgreements(new Agreements(List.of(agreement), Map.of()));
    final AgreementEnforcement enforcement = new AgreementEnforcement(
            Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC), new RateLimits());
    final Exchange exchange = new DefaultExchange(new DefaultCamelContext());

    @Test
    void theDecisionNamesTheAgreementAndTheWithheldFieldsNotTheirValues() {
        enforcement.admit(exchange, catalogue, MOH, PERSON, "GET", "/848991048", null);
        byte[] reduced = enforcement.reduce(exchange,
                "{\"person\":{\"firstNameAr\":\"حسن\",\"motherNameAr\":\"مريم\"}}".getBytes(StandardCharsets.UTF_8),
                "application/json; charset=UTF-8");
        assertThat(new String(reduced, StandardCharsets.UTF_8)).isEqualTo("{\"person\":{\"firstNameAr\":\"حسن\"}}");
        AgreementDecision decision = AgreementDecision.of(exchange);
        assertThat(decision.agreement().id()).isEqualTo("MOI-MOH-1");
        assertThat(decision.removedFields()).containsExactly("/person/motherNameAr");
    }

    @Test
    void anAnswerThatIsNeitherJsonNorXmlIsWithheldWhole() {
        enforcement.admit(exchange, catalogue, MOH, PERSON, "GET", "/848991048", null);
        assertThatThrownBy(() -> enforcement.reduce(exchange, "name=حسن".getBytes(StandardCharsets.UTF_8), "text/plain"))
                .isInstanceOfSatisfying(TakamulException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.RESPONSE_NOT_REDUCIBLE));
        assertThatThrownBy(() -> enforcement.reduce(exchange, "{\"person\":".getBytes(StandardCharsets.UTF_8), "application/json"))
                .isInstanceOfSatisfying(TakamulException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.RESPONSE_NOT_REDUCIBLE));
    }

    @Test
    void aRefusedRequestLeavesNoDecision() {
        assertThatThrownBy(() -> enforcement.admit(exchange, catalogue, MOH, PERSON, "DELETE", "/848991048", null))
                .isInstanceOfSatisfying(TakamulException.class,
                        e -> assertThat(e.error()).isEqualTo(ErrorCode.OPERATION_NOT_COVERED));
        assertThat(AgreementDecision.of(exchange)).isNull();
    }
}
