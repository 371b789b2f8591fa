package ps.takamul.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.node.TakamulNode;
import ps.takamul.node.support.Http;
import ps.takamul.node.support.TestNodes;
import ps.takamul.node.support.TestProvider;

/**
 * REST exchanges waiting for their provider do not hold the HTTP worker threads: with one worker,
 * three requests to a provider that holds them all reach it at once. With Camel's own consumer the
 * worker waited with each exchange, so each request reached the provider only once the one before
 * had timed out.
 */
class NonBlockingHttpTest {
    @TempDir
    Path dir;

    @Test
    void exchangesWaitingForTheirProviderDoNotHoldTheWorkerThreads() throws Exception {
        try (TestProvider provider = new TestProvider()) {
            Map<String, String> settings = TestNodes.settings(dir, TestNodes.catalogue(dir), provider.url(),
                    provider.url(), provider.url());
            settings.put("takamul.http.worker-threads", "1");
            try (TakamulNode node = TestNodes.start(settings)) {
                List<CompletableFuture<HttpResponse<byte[]>>> calls = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    calls.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            return Http.send(Http.get(node.restBaseUrl() + "/PS/GOV/TEST/provider/slow/v1",
                                    "PS/GOV/MOH/health-records"));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }));
                }
                provider.nextSlow();
                long first = System.nanoTime();
                provider.nextSlow();
                provider.nextSlow();
                // Held by one worker each, the second request could leave only once the first had
                // given up on the provider (slow/v1's 300 ms timeout), the third after the second:
                // here all three are with the provider well inside one timeout.
                assertThat(Duration.ofNanos(System.nanoTime() - first)).isLessThan(Duration.ofMillis(300));
                for (CompletableFuture<HttpResponse<byte[]>> call : calls) {
                    HttpResponse<byte[]> response = call.get();
                    assertThat(response.statusCode()).isEqualTo(504);
                    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                }
            }
        }
    }
}
