package ps.takamul.node;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.node.support.Http;
import ps.takamul.core.protocol.MessageHeaders;
import ps.takamul.node.support.TestNodes;
import ps.takamul.node.support.TestProvider;
import ps.takamul.routes.exchange.Queues;

/**
 * A query waits on its queue no longer than its caller: it is non-persistent and expires with
 * the service's timeout (plus the reply margin), so a provider that comes back late does not
 * answer requests nobody waits for.
 */
class QueryExpiryTest {
    @TempDir
    Path dir;

    @Test
    void aQueuedQueryExpiresWithItsCallersTimeout() throws Exception {
        Map<String, String> settings = TestNodes.settings(dir, TestNodes.catalogue(dir), "http://127.0.0.1:1",
                "http://127.0.0.1:1/x", "http://127.0.0.1:1/x");
        settings.put("takamul.provider.enabled", "false");
        try (TakamulNode node = TestNodes.start(settings)) {
            // slow/v1 has a 300 ms timeout; the node adds a 500 ms margin in the tests.
            CompletableFuture<HttpResponse<byte[]>> pending = CompletableFuture.supplyAsync(() -> {
                try {
                    return Http.send(Http.get(node.restBaseUrl() + "/PS/GOV/TEST/provider/slow/v1", "PS/GOV/MOH/health-records"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String queue = Queues.QUERY_PREFIX + "PS.GOV.TEST.provider.slow.v1";
            ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://0");
            Message queued = null;
            try (Connection connection = factory.createConnection()) {
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                // The request is on the queue while its caller waits; look until it is seen.
                while (queued == null && !pending.isDone()) {
                    QueueBrowser browser = session.createBrowser(session.createQueue(queue));
                    Enumeration<?> messages = browser.getEnumeration();
                    queued = messages.hasMoreElements() ? (Message) messages.nextElement() : null;
                    browser.close();
                }
            }
            assertThat(queued).as("the request was seen on its queue").isNotNull();
            assertThat(queued.getJMSDeliveryMode()).isEqualTo(jakarta.jms.DeliveryMode.NON_PERSISTENT);
            assertThat(queued.getJMSExpiration() - queued.getJMSTimestamp()).isBetween(600L, 1000L);
            assertThat(pending.get().statusCode()).isEqualTo(504);
        }
    }

    /**
     * The reply expires too, a minute after its service's timeout: a reply whose node is gone
     * (stopped or crashed while the query was with the provider) must not keep that node's reply
     * queue alive on an external broker.
     */
    @Test
    void aReplyExpiresAMinuteAfterItsServicesTimeout() throws Exception {
        try (TestProvider provider = new TestProvider()) {
            Map<String, String> settings = TestNodes.settings(dir, TestNodes.catalogue(dir), provider.url(),
                    provider.url(), provider.url());
            try (TakamulNode node = TestNodes.start(settings);
                 Connection connection = new ActiveMQConnectionFactory("vm://0").createConnection()) {
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                Queue replies = session.createQueue("test.replies." + java.util.UUID.randomUUID());
                MessageConsumer consumer = session.createConsumer(replies);
                BytesMessage request = session.createBytesMessage();
                request.writeBytes("{\"الاسم\":\"حسن\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                request.setStringProperty(MessageHeaders.SERVICE, "PS/GOV/TEST/provider/echo/v1");
                request.setStringProperty(MessageHeaders.CLIENT, "PS/GOV/MOH/health-records");
                request.setStringProperty(MessageHeaders.MESSAGE_ID, "reply-ttl-1");
                request.setStringProperty(MessageHeaders.METHOD, "POST");
                request.setStringProperty(MessageHeaders.PATH, "/x");
                request.setStringProperty(MessageHeaders.CONTENT_TYPE, "application/json");
                request.setJMSReplyTo(replies);
                request.setJMSCorrelationID("reply-ttl-1");
                session.createProducer(session.createQueue(Queues.QUERY_PREFIX + "PS.GOV.TEST.provider.echo.v1"))
                        .send(request);
                Message reply = consumer.receive(10_000);
                assertThat(reply).as("the provider side answered").isNotNull();
                assertThat(reply.getJMSCorrelationID()).isEqualTo("reply-ttl-1");
                // echo/v1 has a 3 s timeout (test-services.yaml).
                assertThat(reply.getJMSExpiration() - reply.getJMSTimestamp()).isEqualTo(3_000 + 60_000);
                assertThat(reply.getJMSDeliveryMode()).isEqualTo(jakarta.jms.DeliveryMode.NON_PERSISTENT);
            }
        }
    }
}
