package ps.takamul.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import ps.takamul.audit.merkle.MerkleHash;
import ps.takamul.audit.record.AuditRecords;

/**
 * The journal's timed buffer syncs outside its lock, so its callbacks can come out of order and
 * from two threads at once (seen under a million appends: two records indexed ahead of two earlier
 * ones). These tests play the journal's callbacks in such orders and check that the log still
 * grows only by gapless prefixes.
 */
class JournalWriterTest {
    /** Holds the callbacks of every append, to be run in whatever order a test chooses. */
    private static final class HeldJournal implements JournalWriter.Journal {
        final List<Runnable> synced = new ArrayList<>();
        final List<Consumer<Exception>> failed = new ArrayList<>();

        @Override
        public void append(long seq, Pending record, Runnable onSynced, Consumer<Exception> onFailed) {
            synced.add(onSynced);
            failed.add(onFailed);
        }
    }

    private final HeldJournal journal = new HeldJournal();
    private final List<Long> sizes = new CopyOnWriteArrayList<>();
    private final JournalWriter writer = new JournalWriter(journal, new Indexer(null, null, 0), 0,
            (seq, record) -> sizes.add(seq + 1));

    private static Pending pending(int i) {
        byte[] canonical = AuditRecords.canonical(AuditStoreContract.record(i));
        return new Pending(SearchColumns.of(AuditStoreContract.record(i)), canonical, MerkleHash.leaf(canonical), Map.of(),
                new CompletableFuture<>());
    }

    private List<CompletableFuture<Long>> append(int n) {
        List<CompletableFuture<Long>> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            done.add(writer.submit(pending(i)));
        }
        return done;
    }

    @Test
    void aRecordSyncedAheadOfAnEarlierOneWaitsForIt() {
        List<CompletableFuture<Long>> done = append(4);
        journal.synced.get(2).run();
        journal.synced.get(3).run();
        assertThat(done).noneMatch(CompletableFuture::isDone);
        assertThat(sizes).isEmpty();

        journal.synced.get(0).run();
        assertThat(done.get(0)).isCompletedWithValue(0L);
        assertThat(done.get(2)).isNotDone();
        assertThat(sizes).containsExactly(1L);

        journal.synced.get(1).run();
        assertThat(done).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(done.get(3)).isCompletedWithValue(3L);
        assertThat(sizes).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void twoThreadsCallingBackAtOnceStillGrowTheLogInOrder() throws Exception {
        int n = 2000;
        List<CompletableFuture<Long>> done = append(n);
        CountDownLatch start = new CountDownLatch(1);
        // One thread calls back the even records from the end, the other the odd ones from the start.
        Thread evens = new Thread(() -> {
            await(start);
            for (int i = n - 2; i >= 0; i -= 2) {
                journal.synced.get(i).run();
            }
        });
        Thread odds = new Thread(() -> {
            await(start);
            for (int i = 1; i < n; i += 2) {
                journal.synced.get(i).run();
            }
        });
        evens.start();
        odds.start();
        start.countDown();
        evens.join();
        odds.join();

        List<Long> expected = new ArrayList<>();
        for (long size = 1; size <= n; size++) {
            expected.add(size);
        }
        assertThat(sizes).isEqualTo(expected);
        for (int i = 0; i < n; i++) {
            assertThat(done.get(i)).isCompletedWithValue((long) i);
        }
    }

    @Test
    void aFailedRecordFailsTheOnesAfterItEvenIfTheySyncedFirst() {
        List<CompletableFuture<Long>> done = append(3);
        journal.synced.get(2).run();
        journal.failed.get(1).accept(new IOException("disk full"));
        journal.synced.get(0).run();

        assertThat(done.get(0)).isCompletedWithValue(0L);
        assertThat(done.get(1)).isCompletedExceptionally();
        assertThat(done.get(2)).isCompletedExceptionally();
        assertThat(sizes).containsExactly(1L);
        assertThat(writer.healthy()).isFalse();
        assertThat(writer.submit(pending(3))).isCompletedExceptionally();
    }

    @Test
    void aJournalCallingBackInsideTheAppendCompletesItOnlyOnceTheWritersLockIsFree() {
        // The journal appends in the caller's thread and may sync there (a record starting a new file).
        JournalWriter[] inline = new JournalWriter[1];
        inline[0] = new JournalWriter((seq, record, onSynced, onFailed) -> onSynced.run(), new Indexer(null, null, 0), 0,
                (seq, record) -> { });
        CompletableFuture<Boolean> lockHeldWhenCompleted = inline[0].submit(pending(0))
                .thenApply(seq -> Thread.holdsLock(inline[0]));
        assertThat(lockHeldWhenCompleted).isCompletedWithValue(false);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
