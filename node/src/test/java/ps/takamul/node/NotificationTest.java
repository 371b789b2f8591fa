package ps.takamul.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.node.support.Http;
import ps.takamul.node.support.LogCapture;
import ps.takamul.node.support.TestNodes;
import ps.takamul.node.support.TestProvider;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.routes.exchange.Queues;

/**
 * One-way notifications, such as a payment notification from the national bill-payment system:
 * answered 202 only once Artemis has them on disk, delivered even across a node restart, stored
 * once when a client retries with the same id, retried on failure and finally dead-lettered.
 */
class NotificationTest {
    static final String MOF = "PS/GOV/MOF/e-payments";
    static final String PAYMENTS = "/PS/GOV/TEST/provider/payment-notification/v1";
    static final String FAILING = "/PS/GOV/TEST/provider/failing-notification/v1";
    static final byte[] PAYMENT = ("{\"transactionId\":\"EF-2026-000123\",\"billNumber\":\"MOI-PASS-77\","
            + "\"amount\":\"150.000\",\"payer\":\"سامي الخطيب\"}").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    TestProvider provider;
    Map<String, String> settings;

    @BeforeEach
    void setUp() throws Exception {
        provider = new TestProvider();
        settings = TestNodes.settings(dir, TestNodes.catalogue(dir), provider.url(),
                "http://127.0.0.1:1/unused", "http://127.0.0.1:1/unused");
    }

    @AfterEach
    void tearDown() {
        provider.close();
    }

    HttpResponse<byte[]> notify(TakamulNode node, String service, String id) throws Exception {
        return Http.send(Http.post(node.restBaseUrl() + service, MOF, "application/json; charset=UTF-8", PAYMENT)
                .header("X-Road-Id", id));
    }

    @Test
    void acceptedNotificationSurvivesARestartBeforeItsConsumerRuns() throws Exception {
        settings.put("takamul.provider.enabled", "false");
        try (TakamulNode node = TestNodes.start(settings)) {
            HttpResponse<byte[]> response = notify(node, PAYMENTS, "pay-0001");
            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(response.headers().firstValue("X-Road-Id")).hasValue("pay-0001");
            var json = new ObjectMapper().readTree(response.body());
            assertThat(json.path("messageId").asText()).isEqualTo("pay-0001");
            assertThat(json.path("status").asText()).isEqualTo("accepted");
            assertThat(node.broker().messagesAdded(Queues.NOTIFY_PREFIX)).isEqualTo(1);
        }
        assertThat(provider.paymentsEmpty()).as("nothing delivered while no consumer ran").isTrue();

        settings.put("takamul.provider.enabled", "true");
        try (TakamulNode restarted = TestNodes.start(settings)) {
            TestProvider.Received delivered = provider.nextPayment();
            assertThat(delivered.body()).isEqualTo(PAYMENT);
            assertThat(delivered.header("X-Road-Id")).isEqualTo("pay-0001");
            assertThat(delivered.header("X-Road-Client")).isEqualTo(MOF);
            assertThat(delivered.method()).isEqualTo("POST");
        }
    }

    @Test
    void aRetriedNotificationWithTheSameIdIsStoredOnce() throws Exception {
        settings.put("takamul.provider.enabled", "false");
        try (TakamulNode node = TestNodes.start(settings)) {
            assertThat(notify(node, PAYMENTS, "pay-0002").statusCode()).isEqualTo(202);
            assertThat(notify(node, PAYMENTS, "pay-0002").statusCode()).isEqualTo(202);
            assertThat(notify(node, PAYMENTS, "pay-0003").statusCode()).isEqualTo(202);
            assertThat(node.broker().messagesAdded(Queues.NOTIFY_PREFIX)).isEqualTo(2);
        }
    }

    @Test
    void aFailingDeliveryIsRetriedThenDeadLettered() throws Exception {
        settings.put("takamul.notify.max-delivery-attempts", "3");
        settings.put("takamul.notify.redelivery-delay", "100ms");
        settings.put("takamul.notify.redelivery-multiplier", "1");
        try (TakamulNode node = TestNodes.start(settings); LogCapture log = new LogCapture("takamul.dead-letter")) {
            assertThat(notify(node, FAILING, "pay-0004").statusCode()).isEqualTo(202);
            for (int attempt = 1; attempt <= 3; attempt++) {
                assertThat(provider.nextFailure().body()).isEqualTo(PAYMENT);
            }
            ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0");
            String dlq = Queues.DEAD_LETTER_ADDRESS + "::"
                    + Queues.deadLetter(ServiceId.parse("PS/GOV/TEST/provider/failing-notification/v1"));
            try (Connection connection = factory.createConnection()) {
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createQueue(dlq));
                BytesMessage dead = (BytesMessage) consumer.receive(20_000);
                assertThat(dead).as("message in the dead-letter queue").isNotNull();
                byte[] body = new byte[(int) dead.getBodyLength()];
                dead.readBytes(body);
                assertThat(body).isEqualTo(PAYMENT);
                assertThat(dead.getStringProperty("takamulMessageId")).isEqualTo("pay-0004");
            }
            assertThat(provider.failCount()).as("no delivery after the last attempt").isEqualTo(3);
            // The broker's plugin logs the move after the message is visible in the queue.
            assertThat(log.awaitLine(line -> line.contains("id=pay-0004"), Duration.ofSeconds(10)))
                    .as("the dead-letter line").hasValueSatisfying(line -> assertThat(line)
                            .contains("service=PS/GOV/TEST/provider/failing-notification/v1")
                            .contains("after 3 delivery attempts"));
        }
    }
}
