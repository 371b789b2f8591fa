import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.audit.store.AuditStore;
import ps.takamul.audit.store.AuditStores;
import ps.takamul.audit.store.GroupCommitSettings;

/**
 * Durable appends per second to the audit store, with concurrent appenders each waiting for its
 * record to be committed, as an exchange route will. PostgreSQL runs in a schema of its own,
 * dropped at the end; H2 in a new file under DIR.
 *
 * <pre>java -cp audit/target/classes:DEPENDENCIES:CLASSES AuditAppend h2 DIR|postgres URL APPENDERS SECONDS</pre>
 * e.g. {@code AuditAppend postgres jdbc:postgresql://127.0.0.1:5432/test 32 10}; prints appends/s.
 */
public final class AuditAppend {
    public static void main(String[] args) throws Exception {
        int appenders = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        String schema = "audit_bench_" + UUID.randomUUID().toString().replace("-", "");
        AuditStore store;
        if (args[0].equals("h2")) {
            Path dir = Files.createDirectories(Path.of(args[1]));
            store = AuditStores.h2(dir.resolve(schema));
        } else {
            Properties p = new Properties();
            p.setProperty("user", "postgres");
            p.setProperty("currentSchema", schema);
            try (Connection c = DriverManager.getConnection(args[1], "postgres", ""); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            store = AuditStores.postgres(args[1], p, GroupCommitSettings.DEFAULT);
        }
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + (seconds + 2) * 1_000_000_000L;
        Thread[] threads = new Thread[appenders];
        for (int i = 0; i < appenders; i++) {
            int client = i;
            threads[i] = new Thread(() -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    store.append(record(client, n++)).join();
                    done.incrementAndGet();
                }
            });
            threads[i].start();
        }
        Thread.sleep(2000); // warm-up, not measured
        long before = done.get();
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000);
        double rate = (done.get() - before) * 1e9 / (System.nanoTime() - start);
        for (Thread t : threads) {
            t.join();
        }
        System.out.printf("%.0f appends/s, %d records%n", rate, store.size());
        store.close();
        if (!args[0].equals("h2")) {
            try (Connection c = DriverManager.getConnection(args[1], "postgres", ""); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static AuditRecord record(int client, long n) {
        Instant now = Instant.now();
        return new AuditRecord(AuditRecord.Kind.EXCHANGE, now, "bench", "bench-" + client + "-" + n, null,
                "PS/GOV/MOH/client-" + client, "PS/GOV/MOI/civil-registry/person-by-id/v1", null, "health-insurance",
                null, "848991048", now, now, now, 0, 480, 200, null,
                "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:", "sha-256=:qs3AWtXkjZz5+9+DUVV68A1Wa8jp9hSaHunqyA2KraI=:",
                "MOI-MOH-2026-001", List.of("/person/motherNameAr"), Map.of(), Map.of());
    }
}
