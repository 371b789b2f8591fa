package ps.takamul.audit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    private volatile boolean down;
    private final List<JdbcAuditStore> opened = new ArrayList<>();
    JdbcAuditStore store;

    /** A fresh, empty database (schema or file) for this test. */
    abstract void createDatabase() throws Exception;

    abstract void dropDatabase() throws Exception;

    abstract Connection connect() throws SQLException;

    abstract SqlDialect dialect();

    /** Breaks every open connection of the store, as a database restart would. */
    abstract void killConnections() throws Exception;

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
        ConnectionSource gated = () -> {
            if (down) {
                throw new SQLException("the test took the database down", "08001");
            }
            return connect();
        };
        JdbcAuditStore s = new JdbcAuditStore(gated, dialect(), GroupCommitSettings.DEFAULT);
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

    private long rowsInTable() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(seq) FROM audit_record")) {
            rs.next();
            assertThat(rs.getLong(2)).isEqualTo(rs.getLong(1) - 1);
            return rs.getLong(1);
        }
    }
}
