package ps.takamul.node.reload;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import ps.takamul.node.support.Http;

/**
 * Client threads calling the echo service without pause, each checking that its own text comes
 * back: what a reload must not disturb.
 */
final class EchoLoad implements AutoCloseable {
    private final ExecutorService clients;
    private final AtomicInteger answered = new AtomicInteger();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    EchoLoad(String url, String client, int threads) {
        clients = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            clients.submit(() -> call(url, client, thread));
        }
    }

    private void call(String url, String client, int thread) {
        for (int n = 0; running; n++) {
            String text = "ping " + thread + "-" + n;
            try {
                HttpResponse<byte[]> response = Http.send(Http.post(url, client, "text/plain; charset=UTF-8",
                        text.getBytes(StandardCharsets.UTF_8)));
                if (response.statusCode() == 200 && Http.text(response).equals(text)) {
                    answered.incrementAndGet();
                } else {
                    failures.add(text + ": HTTP " + response.statusCode() + " " + Http.text(response));
                }
            } catch (Exception e) {
                failures.add(text + ": " + e);
            }
        }
    }

    int answered() {
        return answered.get();
    }

    List<String> failures() {
        return new ArrayList<>(failures);
    }

    /** Waits until {@code more} further requests have been answered. */
    void awaitAnswered(int more) {
        int target = answered.get() + more;
        Await.until(target + " requests answered (failures: " + failures.size() + ")", Duration.ofSeconds(30),
                () -> answered.get() >= target);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        clients.shutdown();
        if (!clients.awaitTermination(40, TimeUnit.SECONDS)) {
            throw new AssertionError("the load's clients did not finish");
        }
    }
}
