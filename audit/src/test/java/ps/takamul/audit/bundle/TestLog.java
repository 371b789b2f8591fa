package ps.takamul.audit.bundle;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import ps.takamul.audit.AuditLog;
import ps.takamul.audit.checkpoint.CheckpointPolicy;
import ps.takamul.audit.checkpoint.TestAuthorities;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.audit.store.AuditStores;

/**
 * A real audit log for the bundle and verifier tests: an H2 file, records with Arabic text,
 * checkpoints at fixed sizes, signed and time-stamped by {@link TestAuthorities}.
 */
public final class TestLog implements AutoCloseable {
    public static final String ORIGIN = "test-node";
    public final Path file;
    public final AuditLog log;
    public final TestAuthorities authorities;

    private TestLog(Path file, AuditLog log, TestAuthorities authorities) {
        this.file = file;
        this.log = log;
        this.authorities = authorities;
    }

    /** An empty log in {@code dir}, checkpoints only when the test makes them. */
    public static TestLog create(Path dir, TestAuthorities authorities) {
        Path file = dir.resolve("audit");
        AuditLog log = new AuditLog(AuditStores.h2(file), authorities.checkpoints(ORIGIN),
                new CheckpointPolicy(Long.MAX_VALUE, Duration.ofHours(1)), Clock.systemUTC());
        return new TestLog(file, log, authorities);
    }

    /** Appends records {@code from} to {@code to - 1} ({@link #record}), a checkpoint after each {@code every}. */
    public TestLog append(int from, int to, int every) {
        for (int start = from; start < to; start += every) {
            List<CompletableFuture<Long>> pending = new ArrayList<>();
            for (int i = start; i < Math.min(to, start + every); i++) {
                pending.add(log.store().append(record(i), bodies(i)));
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
            if (every > 0 && (Math.min(to, start + every) - start) == every) {
                log.checkpoint();
            }
        }
        return this;
    }

    public Exporter exporter() {
        return new Exporter(log, ORIGIN, authorities.checkpointChain, authorities.tsaChain);
    }

    public byte[] export(long from, long to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter().export(from, to, out);
        return out.toByteArray();
    }

    public Path export(Path dir, String name, long from, long to) throws Exception {
        return Files.write(dir.resolve(name), export(from, to));
    }

    /** A connection of its own to the log's database, as someone with database access would have. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
    }

    /** Two records per message id, as the two sides of an exchange. */
    public static String messageId(int i) {
        return "msg-" + (i / 2);
    }

    public static byte[] requestBody(int i) {
        return ("{\"nationalId\":\"4000" + i + "\",\"الاسم\":\"محمد عبد الله\"}").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] responseBody(int i) {
        return ("{\"الحالة\":\"مؤمَّن\",\"رقم\":" + i + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** Every tenth record keeps its bodies. */
    static boolean keepsBodies(int i) {
        return i % 10 == 0;
    }

    public static AuditRecord record(int i) {
        Instant at = Instant.parse("2026-11-22T08:00:00Z").plusMillis(i * 37L);
        return new AuditRecord(i % 7 == 6 ? AuditRecord.Kind.ADMIN : AuditRecord.Kind.EXCHANGE, at, ORIGIN, messageId(i),
                messageId(i), "PS/GOV/MOH/hospital-" + (i % 13), "PS/GOV/MOI/civil-registry/person-by-id/v1",
                "user-" + (i % 50), "التحقق من أهلية التأمين الصحي", "ملف رقم " + i, "40000" + (i % 1000),
                at.minusMillis(40), at.minusMillis(30), at, requestBody(i).length, responseBody(i).length,
                i % 11 == 10 ? 403 : 200, i % 11 == 10 ? "Client.NoAgreement" : null, digest(requestBody(i)),
                digest(responseBody(i)), "MOI-MOH-2026-001", List.of("/person/motherNameAr"),
                Map.of("request.signature", "sig1=:c2lnbmF0dXJl:"), Map.of("ملاحظة", "سجل رقم " + i));
    }

    static Map<String, byte[]> bodies(int i) {
        return keepsBodies(i) ? Map.of(digest(requestBody(i)), requestBody(i), digest(responseBody(i)), responseBody(i))
                : Map.of();
    }

    public static String digest(byte[] body) {
        return BodyDigests.of(body);
    }

    @Override
    public void close() {
        log.close();
    }
}
