package ps.takamul.audit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ps.takamul.audit.merkle.LeafHashes;
import ps.takamul.audit.merkle.MerkleHash;
import ps.takamul.audit.merkle.MerkleTree;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.audit.record.AuditRecords;

/**
 * What every audit store must do, run against each of them: byte-exact records, gapless sequences
 * under concurrent appenders, searches with paging, the tree over the store, checkpoints, and
 * refusing (then recovering) when the database goes away.
 */
abstract class AuditStoreContract {
    volatile boolean down;
    private final AtomicInteger opens = new AtomicInteger();
    private final List<JdbcAuditStore> opened = new ArrayList<>();
    JdbcAuditStore store;

    /** A fresh, empty database (schema or file) for this test. */
    abstract void createDatabase() throws Exception;

    abstract void dropDatabase() throws Exception;

    abstract Connection connect() throws SQLException;

    abstract SqlDialect dialect();

    /** Breaks every open connection of the store, as a database restart would. */
    abstract void killConnections() throws Exception;

    /** The strongest TRUNCATE of a table the database has (PostgreSQL: CASCADE). */
    abstract String truncate(String table);

    /** What the database says when it refuses a TRUNCATE of a log table. */
    abstract String truncateRefusal();

    /** The journal directory the store appends through, or null to append to the database directly. */
    java.nio.file.Path journal() {
        return null;
    }

    @BeforeEach
    void open() throws Exception {
        createDatabase();
        store = openStore();
    }

    @AfterEach
    void close() throws Exception {
        down = false;
        opened.forEach(JdbcAuditStore::close);
        dropDatabase();
    }

    JdbcAuditStore openStore() {
        return openStore(GroupCommitSettings.DEFAULT);
    }

    JdbcAuditStore openStore(GroupCommitSettings settings) {
        ConnectionSource gated = () -> {
            if (down) {
                throw new SQLException("the test took the database down", "08001");
            }
            opens.incrementAndGet();
            return connect();
        };
        // A journaled store groups its syncs in the journal: the settings are the database writer's.
        JdbcAuditStore s = journal() == null ? new JdbcAuditStore(gated, dialect(), settings)
                : new JdbcAuditStore(gated, dialect(), journal(), AuditJournal.DEFAULT_SYNC_INTERVAL);
        opened.add(s);
        return s;
    }

    static AuditRecord record(int i) {
        return new AuditRecord(i % 5 == 4 ? AuditRecord.Kind.ADMIN : AuditRecord.Kind.EXCHANGE,
                Instant.parse("2026-11-22T10:00:00Z").plusMillis(i), "hub-1", "msg-" + i, "msg-" + i,
                "PS/GOV/MOH/client-" + (i % 3), "PS/GOV/MOI/civil-registry/service-" + (i % 2) + "/v1",
                "user-" + (i % 4), "تأمين صحي", null, "84899" + (1000 + i % 6),
                Instant.parse("2026-11-22T10:00:00Z"), null, null, 10, 20 + i, i % 7 == 0 ? 403 : 200,
                i % 7 == 0 ? "Client.NoAgreement" : null, null, null, null, List.of(), Map.of(),
                Map.of("note", "سجل رقم " + i));
    }

    /** Appends records 0..n-1 from {@code appenders} threads; returns them by sequence number. */
    List<AuditRecord> appendConcurrently(int n, int appenders) {
        ExecutorService pool = Executors.newFixedThreadPool(appenders);
        try {
            List<CompletableFuture<Map.Entry<Long, AuditRecord>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                AuditRecord r = record(i);
                futures.add(CompletableFuture.supplyAsync(() -> Map.entry(store.append(r).join(), r), pool));
            }
            return futures.stream().map(CompletableFuture::join).sorted(Map.Entry.comparingByKey())
                    .map(Map.Entry::getValue).collect(Collectors.toList());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aRecordReadsBackByteExactWithItsArabicIntact() {
        AuditRecord r = record(1);
        long seq = store.append(r).join();
        assertThat(seq).isZero();
        StoredRecord stored = store.read(0).orElseThrow();
        assertThat(stored.canonical()).isEqualTo(AuditRecords.canonical(r));
        assertThat(new String(stored.canonical(), StandardCharsets.UTF_8)).contains("تأمين صحي", "سجل رقم 1");
        assertThat(stored.record()).isEqualTo(r);
        assertThat(stored.appendedAt()).isBefore(Instant.now().plusSeconds(1));
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void sixteenConcurrentAppendersGetGaplessSequencesAndTheirOwnBytes() {
        List<AuditRecord> bySeq = appendConcurrently(800, 16);
        assertThat(store.size()).isEqualTo(800);
        List<StoredRecord> stored = store.read(0, 800);
        assertThat(stored).extracting(StoredRecord::sequence).containsExactlyElementsOf(LongStream.range(0, 800).boxed().toList());
        for (int i = 0; i < 800; i++) {
            assertThat(stored.get(i).canonical()).isEqualTo(AuditRecords.canonical(bySeq.get(i)));
        }
        assertThat(store.read(790, 900)).hasSize(10);
    }

    @Test
    void leafHashesAndTheRootOverTheStoreMatchTheRecordsInMemory() {
        List<AuditRecord> bySeq = appendConcurrently(1100, 16);
        List<byte[]> expected = bySeq.stream().map(r -> MerkleHash.leaf(AuditRecords.canonical(r))).toList();
        LeafHashes memory = new LeafHashes() {
            public long size() {
                return expected.size();
            }

            public byte[] leafHash(long index) {
                return expected.get((int) index);
            }
        };
        for (int i = 0; i < 1100; i++) {
            assertThat(store.leaves().leafHash(i)).isEqualTo(expected.get(i));
        }
        MerkleTree overStore = new MerkleTree(store.leaves());
        MerkleTree inMemory = new MerkleTree(memory);
        for (long size : new long[] {0, 1, 7, 64, 1024, 1025, 1100}) {
            assertThat(overStore.root(size)).as("root of %d", size).isEqualTo(inMemory.root(size));
        }
        assertThat(overStore.inclusionProof(1030, 1100)).containsExactlyElementsOf(inMemory.inclusionProof(1030, 1100));
    }

    @Test
    void everyFieldCanBeSearchedAndPagedBothWays() {
        List<AuditRecord> bySeq = appendConcurrently(60, 4);
        List<StoredRecord> stored = store.read(0, 60);
        checkSearch(AuditQuery.all(), bySeq, r -> true);
        checkSearch(AuditQuery.all().client("PS/GOV/MOH/client-1"), bySeq, r -> r.client().equals("PS/GOV/MOH/client-1"));
        checkSearch(AuditQuery.all().service("PS/GOV/MOI/civil-registry/service-0/v1"), bySeq,
                r -> r.service().endsWith("service-0/v1"));
        checkSearch(AuditQuery.all().messageId("msg-17"), bySeq, r -> r.messageId().equals("msg-17"));
        checkSearch(AuditQuery.all().userId("user-2"), bySeq, r -> r.userId().equals("user-2"));
        checkSearch(AuditQuery.all().dataSubject("848991003"), bySeq, r -> r.dataSubject().equals("848991003"));
        checkSearch(AuditQuery.all().status(403), bySeq, r -> r.status() == 403);
        checkSearch(AuditQuery.all().errorCode("Client.NoAgreement"), bySeq, r -> "Client.NoAgreement".equals(r.errorCode()));
        checkSearch(AuditQuery.all().kind(AuditRecord.Kind.ADMIN), bySeq, r -> r.kind() == AuditRecord.Kind.ADMIN);
        checkSearch(AuditQuery.all().client("PS/GOV/MOH/client-2").dataSubject("848991002"), bySeq,
                r -> r.client().endsWith("client-2") && r.dataSubject().equals("848991002"));
        Instant from = stored.get(10).appendedAt();
        Instant to = stored.get(50).appendedAt();
        List<Long> inRange = stored.stream().filter(s -> !s.appendedAt().isBefore(from) && s.appendedAt().isBefore(to))
                .map(StoredRecord::sequence).toList();
        assertThat(allPages(AuditQuery.all().between(from, to).order(AuditQuery.Order.OLDEST_FIRST).limit(7)))
                .containsExactlyElementsOf(inRange);
        assertThat(store.search(AuditQuery.all().messageId("nobody")).records()).isEmpty();
    }

    private void checkSearch(AuditQuery query, List<AuditRecord> bySeq, Predicate<AuditRecord> matches) {
        List<Long> oldestFirst = LongStream.range(0, bySeq.size()).filter(i -> matches.test(bySeq.get((int) i))).boxed().toList();
        List<Long> newestFirst = oldestFirst.stream().sorted(Comparator.reverseOrder()).toList();
        assertThat(oldestFirst).isNotEmpty();
        assertThat(allPages(query.order(AuditQuery.Order.OLDEST_FIRST).limit(4))).containsExactlyElementsOf(oldestFirst);
        assertThat(allPages(query.order(AuditQuery.Order.NEWEST_FIRST).limit(3))).containsExactlyElementsOf(newestFirst);
        AuditPage first = store.search(query.order(AuditQuery.Order.OLDEST_FIRST).limit(1));
        assertThat(first.records().get(0).canonical()).isEqualTo(AuditRecords.canonical(bySeq.get(oldestFirst.get(0).intValue())));
    }

    private List<Long> allPages(AuditQuery query) {
        List<Long> seqs = new ArrayList<>();
        Long cursor = null;
        do {
            AuditPage page = store.search(query.after(cursor));
            assertThat(page.records().size()).isLessThanOrEqualTo(query.limit());
            page.records().forEach(r -> seqs.add(r.sequence()));
            cursor = page.next();
        } while (cursor != null);
        return seqs;
    }

    @Test
    void checkpointsAreStoredAndListedSmallestTreeFirst() {
        appendConcurrently(10, 2);
        MerkleTree tree = new MerkleTree(store.leaves());
        Checkpoint ten = new Checkpoint(10, tree.root(10), Instant.parse("2026-11-22T10:05:00.123456Z"), new byte[] {1, 2}, new byte[] {3});
        Checkpoint four = new Checkpoint(4, tree.root(4), Instant.parse("2026-11-22T10:01:00Z"), null, null);
        store.saveCheckpoint(ten);
        store.saveCheckpoint(four);
        List<Checkpoint> all = store.checkpoints();
        assertThat(all).extracting(Checkpoint::treeSize).containsExactly(4L, 10L);
        assertThat(all.get(1).rootHash()).isEqualTo(tree.root(10));
        assertThat(all.get(1).at()).isEqualTo(ten.at());
        assertThat(all.get(1).signature()).containsExactly(1, 2);
        assertThat(all.get(1).timestampToken()).containsExactly(3);
        assertThat(all.get(0).signature()).isEmpty();
        assertThat(store.latestCheckpoint()).get().extracting(Checkpoint::treeSize).isEqualTo(10L);
        assertThatThrownBy(() -> store.saveCheckpoint(new Checkpoint(11, tree.root(10), Instant.now(), null, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.saveCheckpoint(four)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theLogSurvivesReopeningAndContinuesItsSequence() {
        appendConcurrently(5, 2);
        store.close();
        JdbcAuditStore again = openStore();
        assertThat(again.size()).isEqualTo(5);
        assertThat(again.append(record(99)).join()).isEqualTo(5);
        assertThat(again.read(5).orElseThrow().record()).isEqualTo(record(99));
        assertThatThrownBy(() -> store.append(record(100)).join()).hasCauseInstanceOf(AuditUnavailableException.class);
    }

    @Test
    void whenTheDatabaseIsDownAppendsFailClearlyNothingIsWrittenAndTheyWorkAgainWhenItReturns() throws Exception {
        appendConcurrently(3, 1);
        down = true;
        killConnections();
        List<CompletableFuture<Long>> refused = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            refused.add(store.append(record(10 + i)));
        }
        for (CompletableFuture<Long> f : refused) {
            assertThatThrownBy(f::join).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(AuditUnavailableException.class)
                    .cause().hasMessageContaining("unavailable");
        }
        assertThat(store.size()).isEqualTo(3);
        assertThatThrownBy(() -> store.search(AuditQuery.all())).isInstanceOf(AuditUnavailableException.class);

        down = false;
        assertThat(store.append(record(42)).join()).isEqualTo(3);
        assertThat(store.append(record(43)).join()).isEqualTo(4);
        assertThat(rowsInTable()).isEqualTo(5);
        assertThat(store.read(3).orElseThrow().record()).isEqualTo(record(42));
    }

    @Test
    void aBrokenConnectionFailsOnlyTheBatchThatMetItAndTheNextOneReconnects() throws Exception {
        appendConcurrently(3, 1);
        killConnections();
        CompletableFuture<Long> first = store.append(record(7));
        Long seq = first.handle((s, e) -> e == null ? s : null).join();
        if (seq == null) {
            assertThat(store.size()).isEqualTo(3);
        }
        long next = store.append(record(8)).join();
        assertThat(next).isEqualTo(seq == null ? 3 : 4);
        assertThat(rowsInTable()).isEqualTo(next + 1);
    }

    @Test
    void readsReuseKeptConnectionsAndReplaceOneTheDatabaseBroke() throws Exception {
        appendConcurrently(5, 1);
        store.search(AuditQuery.all());
        int before = opens.get();
        for (int i = 0; i < 50; i++) {
            assertThat(store.search(AuditQuery.all().messageId("msg-" + (i % 5))).records()).hasSize(1);
            assertThat(store.read(i % 5)).isPresent();
        }
        assertThat(opens.get() - before).isLessThanOrEqualTo(1);
        killConnections();
        assertThat(store.search(AuditQuery.all()).records()).hasSize(5);
        assertThat(store.checkpoints()).isEmpty();
        assertThat(opens.get() - before).isGreaterThanOrEqualTo(1);
    }

    static String digest(byte[] body) {
        try {
            return "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body)) + ":";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Record i, naming the request and response bodies given (by digest). */
    static AuditRecord withBodies(int i, byte[] request, byte[] response) {
        AuditRecord r = record(i);
        return new AuditRecord(r.kind(), r.at(), r.node(), r.messageId(), r.correlationId(), r.client(), r.service(),
                r.userId(), r.purpose(), r.issue(), r.dataSubject(), r.received(), r.forwarded(), r.answered(),
                request.length, response.length, r.status(), r.errorCode(), digest(request), digest(response),
                r.agreement(), r.withheld(), r.evidence(), r.details());
    }

    static Map<String, byte[]> bodiesOf(byte[]... bodies) {
        Map<String, byte[]> byDigest = new HashMap<>();
        for (byte[] b : bodies) {
            byDigest.put(digest(b), b);
        }
        return byDigest;
    }

    @Test
    void keptBodiesReadBackByDigestByteExactArabicAndLargeAlike() {
        byte[] request = "{\"nationalId\":\"848991003\",\"الغرض\":\"تأمين صحي\"}".getBytes(StandardCharsets.UTF_8);
        byte[] response = new byte[2 * 1024 * 1024 + 17];
        new java.util.Random(7).nextBytes(response);
        AuditRecord r = withBodies(1, request, response);
        long seq = store.append(r, bodiesOf(request, response)).join();
        assertThat(store.body(r.requestDigest())).get().isEqualTo(request);
        assertThat(new String(store.body(r.requestDigest()).orElseThrow(), StandardCharsets.UTF_8)).contains("تأمين صحي");
        assertThat(store.body(r.responseDigest())).get().isEqualTo(response);
        assertThat(store.body(digest(new byte[] {1}))).isEmpty();
        assertThat(store.read(seq).orElseThrow().record()).isEqualTo(r);
        assertThat(store.append(record(2)).join()).isEqualTo(seq + 1);
    }

    @Test
    void aBodyComingBackIsKeptOnceBesideTheNewestRecordThatNamesIt() throws SQLException {
        byte[] empty = new byte[0];
        byte[] answer = "{\"name\":\"محمد\"}".getBytes(StandardCharsets.UTF_8);
        store.append(withBodies(0, empty, answer), bodiesOf(empty, answer)).join();
        store.append(record(1)).join();
        AuditRecord again = withBodies(2, empty, answer);
        store.append(again, bodiesOf(empty, answer)).join();
        assertThat(store.body(again.responseDigest())).get().isEqualTo(answer);
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), MIN(seq), MAX(seq) FROM audit_body")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2);
            assertThat(rs.getLong(2)).isEqualTo(2);
            assertThat(rs.getLong(3)).isEqualTo(2);
        }
    }

    @Test
    void aBodyUnderADigestItsRecordDoesNotNameIsRefused() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> store.append(record(1), bodiesOf(body))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(digest(body));
        assertThat(store.size()).isZero();
    }

    @Test
    void aFailedBatchWritesNeitherItsRecordsNorTheirBodies() throws SQLException {
        // Two appends to a batch, so both fall in the same one; the database refuses the second's body.
        JdbcAuditStore pairs = openStore(new GroupCommitSettings(2, 60_000_000));
        byte[] fine = "{\"ok\":\"نعم\"}".getBytes(StandardCharsets.UTF_8);
        byte[] refused = "{\"refused\":true}".getBytes(StandardCharsets.UTF_8);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_body ADD CONSTRAINT test_refuses CHECK (digest <> '" + digest(refused) + "')");
        }
        AuditRecord first = withBodies(1, fine, fine);
        CompletableFuture<Long> a = pairs.append(first, bodiesOf(fine));
        CompletableFuture<Long> b = pairs.append(withBodies(2, fine, refused), bodiesOf(fine, refused));
        assertThatThrownBy(a::join).hasCauseInstanceOf(AuditUnavailableException.class);
        assertThatThrownBy(b::join).hasCauseInstanceOf(AuditUnavailableException.class);
        assertThat(pairs.size()).isZero();
        assertThat(pairs.body(digest(fine))).isEmpty();
        assertThat(count("audit_record")).isZero();
        assertThat(count("audit_body")).isZero();

        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_body DROP CONSTRAINT test_refuses");
        }
        CompletableFuture<Long> again = pairs.append(first, bodiesOf(fine));
        assertThat(pairs.append(record(3)).join()).isEqualTo(1);
        assertThat(again.join()).isZero();
        assertThat(pairs.body(digest(fine))).get().isEqualTo(fine);
    }

    @Test
    void updatesDeletesAndTruncatesAreRefusedAndTheLogStillVerifies() throws SQLException {
        byte[] body = "{\"الاسم\":\"محمد\"}".getBytes(StandardCharsets.UTF_8);
        List<AuditRecord> bySeq = new ArrayList<>(appendConcurrently(20, 4));
        AuditRecord withBody = withBodies(20, body, body);
        store.append(withBody, bodiesOf(body)).join();
        bySeq.add(withBody);
        MerkleTree tree = new MerkleTree(store.leaves());
        store.saveCheckpoint(new Checkpoint(21, tree.root(21), Instant.now(), null, null));
        List<String> refused = List.of(
                "UPDATE audit_record SET status = 200 WHERE seq = 3",
                "UPDATE audit_record SET record = leaf_hash",
                "DELETE FROM audit_record WHERE seq = 20",
                "DELETE FROM audit_record",
                "UPDATE audit_checkpoint SET tree_size = 20",
                "DELETE FROM audit_checkpoint",
                "UPDATE audit_body SET content = content || content",
                "UPDATE audit_body SET seq = 0",
                "DELETE FROM audit_body");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : refused) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .hasMessageContaining("the audit log is append-only");
            }
            for (String table : List.of("audit_record", "audit_checkpoint", "audit_leaf", "audit_body", "audit_segment")) {
                assertThatThrownBy(() -> s.execute(truncate(table))).as(table).isInstanceOf(SQLException.class)
                        .hasMessageContaining(truncateRefusal());
            }
        }
        assertThat(rowsInTable()).isEqualTo(21);
        assertLogVerifies(bySeq, 21);
        assertThat(store.body(withBody.requestDigest())).get().isEqualTo(body);
    }

    @Test
    void evenInTheArchiveStepARecordNotSealedOrWhoseLeafIsNotKeptCannotBeDeleted() throws SQLException {
        appendConcurrently(4, 1);
        MerkleTree tree = new MerkleTree(store.leaves());
        store.saveCheckpoint(new Checkpoint(2, tree.root(2), Instant.now(), null, null));
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            dialect().beginArchiving(c);
            try (Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute("DELETE FROM audit_record WHERE seq = 0"))
                        .hasMessageContaining("the audit log is append-only");
                c.rollback();
                dialect().beginArchiving(c);
                s.execute("INSERT INTO audit_segment (from_seq, to_seq, file_name, file_sha256, sealed_at) "
                        + "VALUES (0, 2, 'forged.zip', 'ff', CURRENT_TIMESTAMP)");
                assertThatThrownBy(() -> s.execute("DELETE FROM audit_record WHERE seq = 0"))
                        .hasMessageContaining("the audit log is append-only");
                c.rollback();
                assertThatThrownBy(() -> s.execute("INSERT INTO audit_segment (from_seq, to_seq, file_name, file_sha256, "
                        + "sealed_at) VALUES (1, 2, 'gap.zip', 'ff', CURRENT_TIMESTAMP)"))
                        .hasMessageContaining("starts where the last one ended");
                c.rollback();
            }
        }
        assertThat(rowsInTable()).isEqualTo(4);
    }

    @Test
    void aSealedSegmentLeavesTheDatabaseButNotTheTree() throws SQLException {
        byte[] old = "{\"old\":\"قديم\"}".getBytes(StandardCharsets.UTF_8);
        byte[] shared = "{\"shared\":true}".getBytes(StandardCharsets.UTF_8);
        List<AuditRecord> bySeq = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            AuditRecord r = i == 2 ? withBodies(i, old, shared) : i == 8 ? withBodies(i, shared, shared) : record(i);
            store.append(r, i == 2 ? bodiesOf(old, shared) : i == 8 ? bodiesOf(shared) : Map.of()).join();
            bySeq.add(r);
        }
        MerkleTree tree = new MerkleTree(store.leaves());
        store.saveCheckpoint(new Checkpoint(6, tree.root(6), Instant.now(), null, null));
        store.saveCheckpoint(new Checkpoint(10, tree.root(10), Instant.now(), null, null));
        assertThatThrownBy(() -> store.sealSegment(new ArchiveSegment(0, 5, "a.zip", "aa", Instant.now())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checkpoint");

        ArchiveSegment first = new ArchiveSegment(0, 6, "segment-0-6.zip", "ab".repeat(32), Instant.now());
        store.sealSegment(first);
        assertThatThrownBy(() -> store.sealSegment(new ArchiveSegment(0, 10, "b.zip", "bb", Instant.now())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starts at record 6");
        assertThat(store.segments()).containsExactly(first);
        assertThat(store.archivedIn(3)).contains(first);
        assertThat(store.archivedIn(6)).isEmpty();
        assertThat(store.read(3)).isEmpty();
        assertThat(store.read(0, 10)).extracting(StoredRecord::sequence).containsExactly(6L, 7L, 8L, 9L);
        assertThat(store.body(digest(old))).isEmpty();
        assertThat(store.body(digest(shared))).get().isEqualTo(shared);
        assertThat(store.search(AuditQuery.all().messageId("msg-2")).records()).isEmpty();
        assertThat(count("audit_record")).isEqualTo(4);
        assertThat(count("audit_leaf")).isEqualTo(6);
        assertThat(count("audit_body")).isEqualTo(1);
        assertLogVerifies(bySeq, 10);
        assertThat(tree.inclusionProof(7, 10)).containsExactlyElementsOf(new MerkleTree(store.leaves()).inclusionProof(7, 10));

        store.sealSegment(new ArchiveSegment(6, 10, "segment-6-10.zip", "cd".repeat(32), Instant.now()));
        assertThat(store.read(0, 10)).isEmpty();
        assertThat(store.body(digest(shared))).isEmpty();
        assertThat(count("audit_record")).isZero();
        assertThat(count("audit_body")).isZero();
        store.close();
        JdbcAuditStore reopened = openStore();
        assertThat(reopened.size()).isEqualTo(10);
        assertThat(reopened.append(record(10)).join()).isEqualTo(10);
        store = reopened;
        bySeq.add(record(10));
        assertLogVerifies(bySeq, 11);
    }

    /** The store's leaves are the records' leaves, and every checkpoint's root is the tree's. */
    private void assertLogVerifies(List<AuditRecord> bySeq, long size) {
        assertThat(store.size()).isEqualTo(size);
        MerkleTree overStore = new MerkleTree(store.leaves());
        List<byte[]> leaves = bySeq.stream().map(r -> MerkleHash.leaf(AuditRecords.canonical(r))).toList();
        for (int i = 0; i < size; i++) {
            assertThat(store.leaves().leafHash(i)).as("leaf %d", i).isEqualTo(leaves.get(i));
        }
        for (StoredRecord r : store.read(0, size)) {
            assertThat(r.leafHash()).isEqualTo(leaves.get((int) r.sequence()));
        }
        for (Checkpoint c : store.checkpoints()) {
            assertThat(overStore.root(c.treeSize())).as("root of checkpoint %d", c.treeSize()).isEqualTo(c.rootHash());
        }
    }

    long count(String table) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long rowsInTable() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(seq) FROM audit_record")) {
            rs.next();
            assertThat(rs.getLong(2)).isEqualTo(rs.getLong(1) - 1);
            return rs.getLong(1);
        }
    }
}
