package ps.takamul.audit.store;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

/**
 * Appends records to the journal on the appender's own thread: each gets the next sequence number
 * and the time, the journal syncs it with whatever else gathered meanwhile, and then (in sequence
 * order, on the journal's thread) the log's size grows, the indexer takes it on and the
 * appender's future completes. No writer thread of its own: the journal's timed buffer does the
 * group commit, and a hand-over to a writer per record cost more CPU than the sync it shared.
 *
 * <p>A journal that fails a record fails every later one too: their numbers would follow a gap,
 * so nothing more is appended until the node restarts and recovers.
 */
final class JournalWriter implements Appender {
    private final AuditJournal journal;
    private final Indexer indexer;
    private final LongConsumer committedSize;
    /** Guarded by this: numbers go into the journal in the order they are handed out. */
    private long next;
    private boolean closed;
    /** The last record appended: once it completes, all have (they complete in order). */
    private CompletableFuture<Long> last = CompletableFuture.completedFuture(0L);
    private volatile Throwable broken;

    JournalWriter(AuditJournal journal, Indexer indexer, long next, LongConsumer committedSize) {
        this.journal = journal;
        this.indexer = indexer;
        this.next = next;
        this.committedSize = committedSize;
    }

    @Override
    public CompletableFuture<Long> submit(Pending pending) {
        CompletableFuture<Long> done = pending.done();
        synchronized (this) {
            if (closed) {
                done.completeExceptionally(new AuditUnavailableException("the audit log is closed", null));
                return done;
            }
            if (broken != null) {
                done.completeExceptionally(new AuditUnavailableException("the audit journal failed earlier; "
                        + "restart the node to recover it", broken));
                return done;
            }
            long seq = next++;
            Pending stamped = pending.appendedAt(Instant.now());
            journal.append(seq, stamped, () -> synced(seq, stamped), e -> failed(seq, done, e));
            last = done;
        }
        return done;
    }

    private void synced(long seq, Pending stamped) {
        if (broken != null) {
            // An earlier record failed: this one follows a gap and must not be acknowledged.
            stamped.done().completeExceptionally(new AuditUnavailableException(
                    "the audit journal failed before record " + seq, broken));
            return;
        }
        committedSize.accept(seq + 1);
        indexer.add(seq, stamped);
        stamped.done().complete(seq);
    }

    private void failed(long seq, CompletableFuture<Long> done, Exception e) {
        if (broken == null) {
            broken = e;
        }
        done.completeExceptionally(new AuditUnavailableException("the audit log's journal is unavailable: record "
                + seq + " not written, the exchange must not go on unaudited", e));
    }

    /** False once the journal has failed. */
    boolean healthy() {
        return broken == null;
    }

    /** Refuses new records and waits for those appended to complete. */
    @Override
    public void close() {
        CompletableFuture<Long> waitFor;
        synchronized (this) {
            closed = true;
            waitFor = last;
        }
        waitFor.handle((seq, failure) -> seq).join();
    }
}
