package ps.takamul.audit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.audit.merkle.MerkleHash;
import ps.takamul.audit.record.AuditRecords;

/** The embedded store's journal on disk: appends in the caller's thread, across files, from several threads. */
class AuditJournalTest {
    @TempDir
    Path dir;

    private static Pending pending(int i, int bodyBytes) {
        byte[] canonical = AuditRecords.canonical(AuditStoreContract.record(i));
        Map<String, byte[]> bodies = bodyBytes == 0 ? Map.of() : Map.of("sha-256=:" + i + ":", new byte[bodyBytes]);
        return new Pending(SearchColumns.of(AuditStoreContract.record(i)), canonical, MerkleHash.leaf(canonical), bodies,
                new CompletableFuture<>()).appendedAt(Instant.now());
    }

    @Test
    void aSyncIntervalOutsideItsBoundsIsRefusedNamingTheSetting() {
        // Zero would make the journal's timer thread spin between syncs.
        for (Duration bad : List.of(Duration.ZERO, Duration.ofNanos(99_999), Duration.ofMillis(1001))) {
            assertThatThrownBy(() -> AuditJournal.open(dir, bad, new TreeMap<>()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("takamul.audit.journal.sync-interval is " + bad.toNanos() / 1000 + " µs")
                    .hasMessageContaining("between 100 µs and 1000 ms");
        }
    }

    @Test
    void aRecordSyncsAndComesBackAtTheShortestIntervalAndALongerOne() throws Exception {
        for (Duration interval : List.of(AuditJournal.MIN_SYNC_INTERVAL, Duration.ofMillis(20))) {
            Path in = Files.createDirectories(dir.resolve("interval-" + interval.toNanos()));
            try (AuditJournal journal = AuditJournal.open(in, interval, new TreeMap<>())) {
                CountDownLatch synced = new CountDownLatch(1);
                journal.append(0, pending(0, 0), synced::countDown, e -> { });
                assertThat(synced.await(10, TimeUnit.SECONDS)).isTrue();
            }
            SortedMap<Long, Pending> held = new TreeMap<>();
            try (AuditJournal reopened = AuditJournal.open(in, interval, held)) {
                assertThat(held).containsOnlyKeys(0L);
            }
        }
    }

    @Test
    void appendsRunOnTheAppendersOwnThread() throws Exception {
        try (AuditJournal journal = AuditJournal.open(dir, new TreeMap<>())) {
            CountDownLatch synced = new CountDownLatch(1);
            AtomicReference<Thread> appender = new AtomicReference<>();
            Thread t = new Thread(() -> {
                appender.set(Thread.currentThread());
                journal.append(0, pending(0, 0), synced::countDown, e -> { });
            }, "an-appender");
            t.start();
            t.join();
            assertThat(synced.await(10, TimeUnit.SECONDS)).isTrue();
            // A change in the order JournalImpl.start() asks for its executors would show here.
            assertThat(journal.appendExecutor().lastRunner()).isSameAs(appender.get());
        }
    }

    @Test
    void recordsFromSeveralThreadsAcrossManyFilesAllSyncAndOnlyTheUnforgottenComeBack() throws Exception {
        int threads = 4;
        int perThread = 150;
        int n = threads * perThread;
        int body = 100 * 1024; // 600 records of 100 KiB: 6 journal files of 10 MiB
        CountDownLatch synced = new CountDownLatch(n);
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Object order = new Object();
        long[] next = {0};
        try (AuditJournal journal = AuditJournal.open(dir, new TreeMap<>())) {
            List<Thread> appenders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread a = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        synchronized (order) { // numbers enter the journal in order, as JournalWriter does
                            long seq = next[0]++;
                            journal.append(seq, pending((int) seq, body), synced::countDown, failures::add);
                        }
                    }
                });
                appenders.add(a);
                a.start();
            }
            for (Thread a : appenders) {
                a.join();
            }
            assertThat(synced.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(failures).isEmpty();
            journal.forget(0, n / 2);
        }

        SortedMap<Long, Pending> held = new TreeMap<>();
        try (AuditJournal reopened = AuditJournal.open(dir, held)) {
            assertThat(held.keySet()).hasSize(n / 2);
            assertThat(held.firstKey()).isEqualTo(n / 2);
            assertThat(held.lastKey()).isEqualTo(n - 1);
            Pending last = held.get((long) n - 1);
            assertThat(last.canonical()).isEqualTo(AuditRecords.canonical(AuditStoreContract.record(n - 1)));
            assertThat(last.bodies().values()).singleElement().satisfies(b -> assertThat(b).hasSize(body));
        }
    }
}
