package ps.takamul.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.examples.payments.BillingReceiver;
import ps.takamul.node.support.Http;
import ps.takamul.node.support.TestNodes;

/**
 * The demo's payment flow as shipped (config/catalogue/moi.yaml): the national bill-payment
 * system notifies the Interior that a bill was paid; the Interior's billing system books it,
 * once, with the payer's Arabic name intact, even when the notification is sent twice.
 */
class PaymentNotificationFlowTest {
    @TempDir
    Path dir;

    @Test
    void aPaymentNotificationReachesTheIssuingMinistryOnce() throws Exception {
        byte[] payment = Files.readAllBytes(TestNodes.REPO.resolve("examples/requests/payment-notification.json"));
        try (BillingReceiver billing = BillingReceiver.start("127.0.0.1", 0)) {
            Map<String, String> settings = TestNodes.settings(dir, TestNodes.catalogue(dir), "http://127.0.0.1:1",
                    "http://127.0.0.1:1/x", "http://127.0.0.1:1/x");
            settings.put("billing.url", billing.address());
            try (TakamulNode node = TestNodes.start(settings)) {
                String url = node.restBaseUrl() + "/PS/GOV/MOI/bills/payment-notification/v1";
                // The payment system retries with a new message id: the transaction id still decides.
                for (String id : new String[] {"efawa-1", "efawa-2"}) {
                    HttpResponse<byte[]> accepted = Http.send(Http.post(url, "PS/GOV/MOF/e-payments",
                            "application/json; charset=UTF-8", payment).header("X-Road-Id", id));
                    assertThat(accepted.statusCode()).isEqualTo(202);
                }
                assertThat(billing.awaitPayment("EF-2026-000123", 20, TimeUnit.SECONDS))
                        .hasValueSatisfying(p -> {
                            assertThat(p.payerName()).isEqualTo("سامي الخطيب");
                            assertThat(p.billNumber()).isEqualTo("MOI-PASS-2026-0042");
                        });
                assertThat(node.broker().messagesAdded("takamul.notify.PS.GOV.MOI.bills")).isEqualTo(2);
                assertThat(billing.payments()).hasSize(1);

                HttpResponse<byte[]> forbidden = Http.send(Http.post(url, "PS/GOV/MOH/health-records",
                        "application/json; charset=UTF-8", payment));
                assertThat(forbidden.statusCode()).isEqualTo(403);
            }
        }
    }
}
