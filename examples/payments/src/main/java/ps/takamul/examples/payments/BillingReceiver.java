package ps.takamul.examples.payments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ministry's billing system receiving payment notifications over REST:
 * <ul>
 *   <li>{@code POST /payments}: books a {@link PaymentNotification}; 200 {@code recorded}, or 200
 *       {@code duplicate} when the transaction id was booked before (a retry changes nothing);
 *       400 when the JSON is broken or a required field is missing;</li>
 *   <li>{@code GET /payments}: every booked payment, oldest first.</li>
 * </ul>
 */
public final class BillingReceiver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BillingReceiver.class);
    public static final int DEFAULT_PORT = 8092;

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, PaymentNotification> booked = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    private BillingReceiver(HttpServer server) {
        this.server = server;
    }

    public static BillingReceiver start(String host, int port) throws IOException {
        BillingReceiver receiver = new BillingReceiver(HttpServer.create(new InetSocketAddress(host, port), 64));
        receiver.server.setExecutor(Executors.newFixedThreadPool(8));
        receiver.server.createContext("/payments", receiver::handle);
        receiver.server.start();
        LOG.info("Billing receiver listening at {}", receiver.address());
        return receiver;
    }

    public String address() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            switch (exchange.getRequestMethod()) {
                case "POST" -> book(exchange);
                case "GET" -> respond(exchange, 200, json.writeValueAsBytes(payments()));
                default -> respond(exchange, 405, "{\"error\":\"use GET or POST\"}".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void book(HttpExchange exchange) throws IOException {
        PaymentNotification payment;
        try {
            payment = json.readValue(exchange.getRequestBody(), PaymentNotification.class);
        } catch (IOException e) {
            respond(exchange, 400, "{\"error\":\"malformed JSON\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String problem = payment == null ? "empty body" : payment.problem();
        if (problem != null) {
            respond(exchange, 400, json.writeValueAsBytes(Map.of("error", problem)));
            return;
        }
        boolean first;
        lock.lock();
        try {
            first = booked.putIfAbsent(payment.transactionId(), payment) == null;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        LOG.info("payment {} for bill {}: {}", payment.transactionId(), payment.billNumber(), first ? "recorded" : "duplicate");
        respond(exchange, 200, json.writeValueAsBytes(Map.of("transactionId", payment.transactionId(),
                "status", first ? "recorded" : "duplicate")));
    }

    public List<PaymentNotification> payments() {
        lock.lock();
        try {
            return new ArrayList<>(booked.values());
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the transaction is booked, for tests and demos that must not sleep. */
    public Optional<PaymentNotification> awaitPayment(String transactionId, long timeout, TimeUnit unit)
            throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        lock.lock();
        try {
            while (!booked.containsKey(transactionId)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                changed.awaitNanos(left);
            }
            return Optional.of(booked.get(transactionId));
        } finally {
            lock.unlock();
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public void stop() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }
}
