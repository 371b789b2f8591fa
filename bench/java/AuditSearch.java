import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.postgresql.PGConnection;
import ps.takamul.audit.merkle.LeafHashes;
import ps.takamul.audit.merkle.MerkleHash;
import ps.takamul.audit.merkle.MerkleTree;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.audit.record.AuditRecords;
import ps.takamul.audit.store.AuditQuery;
import ps.takamul.audit.store.AuditStore;
import ps.takamul.audit.store.AuditStores;
import ps.takamul.audit.store.GroupCommitSettings;
import ps.takamul.audit.store.StoredRecord;

/**
 * How fast an auditor finds a person's exchanges in a large log: fills a PostgreSQL schema of its
 * own with valid records (canonical bytes and leaf hashes, loaded with COPY into the store's own
 * tables, the store's indexes built after the load), checks the Merkle root over the store against
 * the one computed while generating, then times searches by data subject (first page of 100,
 * newest first) next to searches by message id, through the store (its kept reader connections)
 * and as the bare SQL on one open connection. Drops the schema at the end,
 * also when interrupted.
 *
 * <pre>java -cp audit/target/classes:DEPENDENCIES:CLASSES AuditSearch URL RECORDS SUBJECTS QUERIES</pre>
 * e.g. {@code AuditSearch jdbc:postgresql://127.0.0.1:5432/test 1000000 100000 2000}.
 */
public final class AuditSearch {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    /** 5 % of the records concern a few people looked up again and again: their first page is cut by LIMIT. */
    private static final int HEAVY_SUBJECTS = 10;
    private static final int HEAVY_PERCENT = 5;
    private static final int CHUNK = 20_000;
    private static final int WARM_UP = 200;
    /** What RecordSearch builds for these two queries: EXPLAIN needs the same text. */
    private static final String BY_SUBJECT = "SELECT seq, appended_at, record FROM audit_record WHERE 1 = 1 "
            + "AND data_subject = ? ORDER BY seq DESC LIMIT ?";
    private static final String BY_MESSAGE = "SELECT seq, appended_at, record FROM audit_record WHERE 1 = 1 "
            + "AND message_id = ? ORDER BY seq DESC LIMIT ?";

    private final String url;
    private final long records;
    private final int subjects;
    private final String schema = "audit_search_" + UUID.randomUUID().toString().replace("-", "");

    private AuditSearch(String url, long records, int subjects) {
        this.url = url;
        this.records = records;
        this.subjects = subjects;
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test";
        long records = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int subjects = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int queries = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
        new AuditSearch(url, records, subjects).run(queries);
    }

    private void run(int queries) throws Exception {
        AtomicBoolean dropped = new AtomicBoolean();
        Thread dropOnExit = new Thread(() -> drop(dropped));
        Runtime.getRuntime().addShutdownHook(dropOnExit);
        try (Connection admin = DriverManager.getConnection(url, "postgres", ""); Statement s = admin.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            measure(queries);
        } finally {
            drop(dropped);
            Runtime.getRuntime().removeShutdownHook(dropOnExit);
        }
    }

    private void measure(int queries) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("currentSchema", schema);
        p.setProperty("ApplicationName", schema);
        // The store makes its tables, guards and indexes; the indexes go for the load and come back
        // when the store is opened again, as they would be on a node's next start.
        openStore(p).close();
        List<String> indexes = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
                     + "AND tablename = 'audit_record' AND indexname <> 'audit_record_pkey'")) {
            while (rs.next()) {
                indexes.add(rs.getString(1));
            }
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String index : indexes) {
                s.execute("DROP INDEX " + index);
            }
        }

        long t0 = System.nanoTime();
        byte[] leaves = load();
        long loaded = System.nanoTime();
        AuditStore store = openStore(p);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("ANALYZE audit_record");
        }
        long indexed = System.nanoTime();
        System.out.printf("loaded %,d records (%,d data subjects, %d of them in %d %% of the records) in %.0f s "
                        + "(%,.0f records/s); the store's indexes rebuilt and analysed in %.0f s; table %s%n",
                records, subjects + HEAVY_SUBJECTS, HEAVY_SUBJECTS, HEAVY_PERCENT, (loaded - t0) / 1e9,
                records * 1e9 / (loaded - t0), (indexed - loaded) / 1e9, tableSize());

        verify(store, leaves);
        explain(BY_SUBJECT, nationalId(subjects / 2), "audit_record_subject");
        explain(BY_MESSAGE, messageId(records / 2), "audit_record_message");

        SplittableRandom random = new SplittableRandom(42);
        List<String> byPerson = new ArrayList<>();
        List<String> byMessage = new ArrayList<>();
        List<String> heavy = new ArrayList<>();
        for (int i = 0; i < queries + WARM_UP; i++) {
            byPerson.add(nationalId(random.nextInt(subjects)));
            byMessage.add(messageId(random.nextLong(records)));
            heavy.add(heavyId(random.nextInt(HEAVY_SUBJECTS)));
        }
        AuditQuery page = AuditQuery.all().order(AuditQuery.Order.NEWEST_FIRST).limit(100);
        System.out.printf("%-42s %8s %8s %8s %10s %9s%n", "search (one client, one after the other)",
                "p50 ms", "p95 ms", "p99 ms", "queries/s", "rows/q");
        Result storeSubject = time("store: data subject", byPerson, id -> store.search(page.dataSubject(id)).records().size());
        Result storeMessage = time("store: message id", byMessage, id -> store.search(page.messageId(id)).records().size());
        Result storeHeavy = time("store: data subject with >5,000 records", heavy.subList(0, 2 * WARM_UP),
                id -> store.search(page.dataSubject(id)).records().size());
        try (Connection c = connect(); PreparedStatement subject = c.prepareStatement(BY_SUBJECT);
             PreparedStatement message = c.prepareStatement(BY_MESSAGE)) {
            Result sqlSubject = time("SQL on one connection: data subject", byPerson, id -> rows(subject, id));
            Result sqlMessage = time("SQL on one connection: message id", byMessage, id -> rows(message, id));
            time("SQL on one connection: data subject >5,000", heavy.subList(0, 2 * WARM_UP), id -> rows(subject, id));
            System.out.printf("data subject / message id: store p50 %.2fx, p99 %.2fx, queries/s %.2fx; "
                            + "SQL p50 %.2fx, p99 %.2fx, queries/s %.2fx%n",
                    storeSubject.p50 / storeMessage.p50, storeSubject.p99 / storeMessage.p99, storeSubject.rate / storeMessage.rate,
                    sqlSubject.p50 / sqlMessage.p50, sqlSubject.p99 / sqlMessage.p99, sqlSubject.rate / sqlMessage.rate);
            System.out.printf("store / SQL on one connection, data subject: p50 %.2fx, queries/s %.2fx%n",
                    storeSubject.p50 / sqlSubject.p50, storeSubject.rate / sqlSubject.rate);
        }
        if (storeHeavy.rowsPerQuery != 100) {
            throw new IllegalStateException("a heavy data subject's first page should hold 100 records");
        }
        store.close();
    }

    private AuditStore openStore(Properties p) {
        return AuditStores.postgres(url, p, GroupCommitSettings.DEFAULT);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema
                + "&ApplicationName=" + schema, "postgres", "");
    }

    /** COPY in chunks, generated on another thread meanwhile; returns the leaf hashes, 32 bytes each. */
    private byte[] load() throws Exception {
        byte[] leaves = new byte[Math.toIntExact(records * 32)];
        BlockingQueue<String> chunks = new ArrayBlockingQueue<>(2);
        Thread generator = new Thread(() -> {
            try {
                for (long from = 0; from < records; from += CHUNK) {
                    chunks.put(csv(from, Math.min(records, from + CHUNK), leaves));
                }
                chunks.put("");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "generator");
        generator.setDaemon(true);
        generator.start();
        try (Connection c = connect()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            String sql = "COPY audit_record (seq, appended_at, kind, message_id, client, service, user_id, data_subject, "
                    + "status, error_code, record, leaf_hash) FROM STDIN (FORMAT csv)";
            for (String chunk = chunks.take(); !chunk.isEmpty(); chunk = chunks.take()) {
                copy.copyIn(sql, new StringReader(chunk));
            }
        }
        return leaves;
    }

    private String csv(long from, long to, byte[] leaves) {
        StringBuilder out = new StringBuilder((int) (to - from) * 1800);
        HexFormat hex = HexFormat.of();
        for (long seq = from; seq < to; seq++) {
            AuditRecord r = record(seq);
            byte[] canonical = AuditRecords.canonical(r);
            byte[] leaf = MerkleHash.leaf(canonical);
            System.arraycopy(leaf, 0, leaves, Math.toIntExact(seq * 32), 32);
            out.append(seq).append(',').append(r.at()).append(',').append(r.kind()).append(',');
            text(out, r.messageId());
            text(out, r.client());
            text(out, r.service());
            text(out, r.userId());
            text(out, r.dataSubject());
            out.append(r.status()).append(',');
            text(out, r.errorCode());
            out.append("\\x").append(hex.formatHex(canonical)).append(",\\x").append(hex.formatHex(leaf)).append('\n');
        }
        return out.toString();
    }

    /** A quoted CSV field, or nothing for NULL; the generated values hold no quote. */
    private static void text(StringBuilder out, String value) {
        if (value != null) {
            out.append('"').append(value).append('"');
        }
        out.append(',');
    }

    /** Record {@code seq}, the same every time it is asked for (so a sample can be checked). */
    private AuditRecord record(long seq) {
        SplittableRandom r = new SplittableRandom(seq * 0x9E3779B97F4A7C15L + 17);
        Instant at = START.plusMillis(seq * 50);
        String subject = r.nextInt(100) < HEAVY_PERCENT ? heavyId(r.nextInt(HEAVY_SUBJECTS)) : nationalId(r.nextInt(subjects));
        boolean refused = r.nextInt(100) < 3;
        int client = r.nextInt(40);
        return new AuditRecord(AuditRecord.Kind.EXCHANGE, at, "bench-node", messageId(seq), null,
                "PS/GOV/" + (client % 4 == 0 ? "MOH" : client % 4 == 1 ? "MOL" : client % 4 == 2 ? "MOSD" : "MOE")
                        + "/client-" + client,
                "PS/GOV/MOI/civil-registry/" + (r.nextBoolean() ? "person-by-id" : "family-by-id") + "/v1",
                "user-" + r.nextInt(5_000), "تأمين صحي", r.nextInt(10) == 0 ? "ملف-" + r.nextInt(100_000) : null,
                subject, at.minusMillis(40), refused ? null : at.minusMillis(35), at,
                0, refused ? 180 : 400 + r.nextInt(900), refused ? 403 : 200, refused ? "Client.NoAgreement" : null,
                "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:",
                "sha-256=:" + UUID.nameUUIDFromBytes(Long.toString(seq).getBytes(StandardCharsets.UTF_8)) + ":",
                refused ? null : "MOI-MOH-2026-001", refused ? List.of() : List.of("/person/motherNameAr"),
                Map.of(), Map.of());
    }

    private static String nationalId(int subject) {
        return String.format("4%08d", subject);
    }

    private static String heavyId(int subject) {
        return String.format("9%08d", subject);
    }

    private static String messageId(long seq) {
        return new UUID(seq * 0x9E3779B97F4A7C15L, ~seq).toString();
    }

    /** The root over the store's leaves is the root over what was generated; a sample reads back byte-exact. */
    private void verify(AuditStore store, byte[] leaves) {
        if (store.size() != records) {
            throw new IllegalStateException("the store holds " + store.size() + " records, not " + records);
        }
        LeafHashes generated = new LeafHashes() {
            public long size() {
                return records;
            }

            public byte[] leafHash(long index) {
                int at = Math.toIntExact(index * 32);
                return Arrays.copyOfRange(leaves, at, at + 32);
            }
        };
        long t = System.nanoTime();
        byte[] root = new MerkleTree(store.leaves()).root(records);
        if (!Arrays.equals(root, new MerkleTree(generated).root(records))) {
            throw new IllegalStateException("the root over the store's leaves is not the generated records' root");
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            long seq = random.nextLong(records);
            StoredRecord stored = store.read(seq).orElseThrow();
            if (!Arrays.equals(stored.canonical(), AuditRecords.canonical(record(seq)))
                    || !Arrays.equals(stored.leafHash(), generated.leafHash(seq))) {
                throw new IllegalStateException("record " + seq + " does not read back as generated");
            }
        }
        System.out.printf("root over the store's %,d leaves = root over the generated records (%.1f s); "
                + "200 sampled records read back byte-exact%n", records, (System.nanoTime() - t) / 1e9);
    }

    private void explain(String sql, String value, String index) throws SQLException {
        List<String> plan = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            s.setString(1, value);
            s.setInt(2, 101);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
        }
        System.out.println("plan: " + sql.replaceAll("SELECT .* WHERE 1 = 1 AND ", "... "));
        plan.forEach(line -> System.out.println("  " + line));
        if (plan.stream().noneMatch(line -> line.contains(index))) {
            throw new IllegalStateException("the search does not use " + index);
        }
    }

    private static int rows(PreparedStatement s, String value) {
        try {
            s.setString(1, value);
            s.setInt(2, 101);
            int n = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rs.getBytes(3);
                    n++;
                }
            }
            return Math.min(n, 100);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Result(double p50, double p99, double rate, double rowsPerQuery) {
    }

    private static Result time(String name, List<String> values, Function<String, Integer> search) {
        for (String v : values.subList(0, WARM_UP)) {
            search.apply(v);
        }
        List<String> measured = values.subList(WARM_UP, values.size());
        long[] nanos = new long[measured.size()];
        long rows = 0;
        long start = System.nanoTime();
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            rows += search.apply(measured.get(i));
            nanos[i] = System.nanoTime() - t;
        }
        double rate = nanos.length * 1e9 / (System.nanoTime() - start);
        Arrays.sort(nanos);
        double p50 = nanos[nanos.length / 2] / 1e6;
        double p95 = nanos[(int) (nanos.length * 0.95)] / 1e6;
        double p99 = nanos[(int) (nanos.length * 0.99)] / 1e6;
        double perQuery = (double) rows / nanos.length;
        System.out.printf("%-42s %8.2f %8.2f %8.2f %10.0f %9.1f%n", name + " (" + nanos.length + ")", p50, p95, p99, rate, perQuery);
        return new Result(p50, p99, rate, perQuery);
    }

    private String tableSize() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_size_pretty(pg_total_relation_size('audit_record'))")) {
            rs.next();
            return rs.getString(1) + " with indexes";
        }
    }

    private void drop(AtomicBoolean dropped) {
        if (dropped.compareAndSet(false, true)) {
            // Interrupted mid-load, the COPY's connection would hold its lock until the JVM is gone.
            try (Connection admin = DriverManager.getConnection(url, "postgres", ""); Statement s = admin.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '" + schema + "'");
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                System.err.println("schema " + schema + " not dropped: " + e.getMessage());
            }
        }
    }
}
