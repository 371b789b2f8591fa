package ps.takamul.examples.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The billing system books a payment once, whatever the number of notifications for it. */
class BillingReceiverTest {
    private static final String PAYMENT = """
            {"transactionId":"EF-2026-000777","billNumber":"MOI-PASS-2026-0042","amount":150.000,
             "currency":"JOD","paidAt":"2026-11-22T08:30:00+02:00","payerName":"سامي الخطيب","channel":"bank"}""";
    private final HttpClient http = HttpClient.newHttpClient();
    private BillingReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = BillingReceiver.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        receiver.stop();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(receiver.address() + "/payments"))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aPaymentIsBookedOnceEvenWhenNotifiedTwice() throws Exception {
        HttpResponse<String> first = post(PAYMENT);
        HttpResponse<String> second = post(PAYMENT);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"recorded\"");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("\"duplicate\"");
        assertThat(receiver.payments()).hasSize(1);
        assertThat(receiver.awaitPayment("EF-2026-000777", 1, TimeUnit.SECONDS))
                .hasValueSatisfying(p -> assertThat(p.payerName()).isEqualTo("سامي الخطيب"));
        String listed = http.send(HttpRequest.newBuilder(URI.create(receiver.address() + "/payments")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        assertThat(listed).contains("سامي الخطيب").contains("MOI-PASS-2026-0042");
    }

    @Test
    void brokenOrIncompleteNotificationsAreRefused() throws Exception {
        assertThat(post("{\"transactionId\":").statusCode()).isEqualTo(400);
        HttpResponse<String> noAmount = post("{\"transactionId\":\"T1\",\"billNumber\":\"B1\"}");
        assertThat(noAmount.statusCode()).isEqualTo(400);
        assertThat(noAmount.body()).contains("amount");
        assertThat(receiver.payments()).isEmpty();
    }

    @Test
    void waitingForAPaymentThatNeverComesEnds() throws Exception {
        assertThat(receiver.awaitPayment("nope", 50, TimeUnit.MILLISECONDS)).isEmpty();
    }
}
