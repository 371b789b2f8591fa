package ps.takamul.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.node.support.Http;
import ps.takamul.node.support.LogCapture;
import ps.takamul.node.support.TestNodes;
import ps.takamul.node.support.TestProvider;

/**
 * Many callers at once on one service: each gets its own answer back (the replies share one queue
 * per ingress route and are told apart by correlation id), and the broker's client never sees one
 * JMS session used by two threads at once (Artemis's AMQ212051 warning), which the provider's
 * consumers did while Camel handed one session's messages to a pool of threads.
 */
class ConcurrentQueriesTest {
    private static final String ECHO = "/PS/GOV/TEST/provider/echo/v1/x";
    private static final String MOH = "PS/GOV/MOH/health-records";
    private static final int CALLERS = 16;
    private static final int PER_CALLER = 40;

    @TempDir
    Path dir;

    @Test
    void everyCallerGetsItsOwnAnswerAndNoSessionIsShared() throws Exception {
        try (TestProvider provider = new TestProvider();
             LogCapture artemis = new LogCapture("org.apache.activemq.artemis")) {
            Map<String, String> settings = TestNodes.settings(dir, TestNodes.catalogue(dir), provider.url(),
                    provider.url(), provider.url());
            try (TakamulNode node = TestNodes.start(settings)) {
                ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
                try {
                    List<Future<List<String>>> results = new ArrayList<>();
                    for (int c = 0; c < CALLERS; c++) {
                        int caller = c;
                        results.add(callers.submit(() -> call(node, caller)));
                    }
                    for (Future<List<String>> result : results) {
                        assertThat(result.get()).isEmpty();
                    }
                } finally {
                    callers.shutdownNow();
                }
            }
            assertThat(artemis.lines()).noneMatch(line -> line.contains("AMQ212051"));
        }
    }

    /** Sends this caller's requests one after another; returns what came back wrong. */
    private static List<String> call(TakamulNode node, int caller) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < PER_CALLER; i++) {
            String body = "{\"طالب\":\"" + caller + "-" + i + "\",\"الاسم\":\"حسن عيسى\"}";
            HttpResponse<byte[]> response = Http.send(Http.post(node.restBaseUrl() + ECHO, MOH, "application/json",
                    body.getBytes(StandardCharsets.UTF_8)).header("X-Road-Id", UUID.randomUUID().toString()));
            String answer = new String(response.body(), StandardCharsets.UTF_8);
            if (response.statusCode() != 200 || !answer.equals(body)) {
                wrong.add(caller + "-" + i + ": " + response.statusCode() + " " + answer);
            }
        }
        return wrong;
    }
}
