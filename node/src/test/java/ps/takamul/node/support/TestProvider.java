package ps.takamul.node.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A REST provider on a real socket, standing in for a ministry's system in the tests:
 * <ul>
 *   <li>{@code /echo/...}: answers 200 with the request's body and content type, and the header
 *       {@code X-Provider-Secret} that must never reach a client;</li>
 *   <li>{@code /slow}: answers only when released (or after 10 s), to test timeouts;</li>
 *   <li>{@code /payments}: accepts notifications with 200;</li>
 *   <li>{@code /fail}: refuses notifications with 500.</li>
 * </ul>
 * Every request is recorded, so tests wait on what arrived instead of sleeping.
 */
public final class TestProvider implements AutoCloseable {
    /** What the provider received. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> echo = new LinkedBlockingQueue<>();
    private final BlockingQueue<Received> payments = new LinkedBlockingQueue<>();
    private final BlockingQueue<Received> failures = new LinkedBlockingQueue<>();
    private final BlockingQueue<Received> slow = new LinkedBlockingQueue<>();
    private final AtomicInteger failCount = new AtomicInteger();
    private final CountDownLatch releaseSlow = new CountDownLatch(1);

    public TestProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/echo", ex -> {
            Received r = record(ex, echo);
            String type = r.header("Content-Type");
            if (type != null) {
                ex.getResponseHeaders().add("Content-Type", type);
            }
            ex.getResponseHeaders().add("X-Provider-Secret", "internal");
            respond(ex, 200, r.body());
        });
        server.createContext("/slow", ex -> {
            record(ex, slow);
            try {
                releaseSlow.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(ex, 200, "{}".getBytes());
        });
        server.createContext("/payments", ex -> {
            record(ex, payments);
            respond(ex, 200, "{\"ok\":true}".getBytes());
        });
        server.createContext("/fail", ex -> {
            record(ex, failures);
            failCount.incrementAndGet();
            respond(ex, 500, "{\"error\":\"down for maintenance\"}".getBytes());
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Received nextEcho() throws InterruptedException {
        return take(echo);
    }

    /** The next request to {@code /slow}, which the provider holds until it is closed (or for 10 s). */
    public Received nextSlow() throws InterruptedException {
        return take(slow);
    }

    public Received nextPayment() throws InterruptedException {
        return take(payments);
    }

    public Received nextFailure() throws InterruptedException {
        return take(failures);
    }

    public int failCount() {
        return failCount.get();
    }

    public boolean echoesEmpty() {
        return echo.isEmpty();
    }

    public boolean paymentsEmpty() {
        return payments.isEmpty();
    }

    private static Received take(BlockingQueue<Received> queue) throws InterruptedException {
        Received r = queue.poll(20, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("the provider received nothing within 20 s");
        }
        return r;
    }

    private static Received record(HttpExchange ex, BlockingQueue<Received> into) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        Received r = new Received(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                ex.getRequestURI().getRawQuery(), Map.copyOf(ex.getRequestHeaders()), body);
        into.add(r);
        return r;
    }

    private static void respond(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        releaseSlow.countDown();
        server.stop(0);
    }
}
