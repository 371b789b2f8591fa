package ps.takamul.node;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.Message;
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
import ps.takamul.node.support.TestNodes;
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
}
