package ps.takamul.audit.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Appends records to the journal on the appender's own thread: each gets the next sequence number
 * and the time, the journal syncs it with whatever else gathered meanwhile, and then, in sequence
 * order, the log's size grows, the indexer takes it on and the appender's future completes. No
 * writer thread of its own: the journal's timed buffer does the group commit, and a hand-over to a
 * writer per record cost more CPU than the sync it shared.
 *
 * <p>The journal may call back out of order: its timed buffer syncs outside its lock, so a flush
 * that the timer started and one that a full buffer or a new file started can finish in either
 * order. Records synced ahead of an earlier one wait in {@link #early} until it is synced too: the
 * log grows only by gapless prefixes, and the indexer gets every record in order.
 *
 * <p>A journal that fails a record fails every later one too: their numbers would follow a gap,
 * so nothing more is appended until the node restarts and recovers.
 */
final class JournalWriter implements Appender {
    /** Where records are written: {@link AuditJournal#append}. */
    interface Journal {
        void append(long seq, Pending record, Runnable synced, java.util.function.Consumer<Exception> failed);
    }

    private final Journal journal;
    private final Indexer indexer;
    private final Durable durable;
    /** Guarded by this: numbers go into the journal in the order they are handed out. */
    private long next;
    private boolean closed;
    /** The last record appended: once it completes, all have been handed on. */
    private CompletableFuture<Long> last = CompletableFuture.completedFuture(0L);
    private volatile Throwable broken;
    /** Guarded by itself: records synced (or failed) while an earlier one was not, by number. */
    private final TreeMap<Long, Synced> early = new TreeMap<>();
    /** Guarded by {@link #early}: the next number to hand on. */
    private long handedOn;

    /**
     * Completions due while this thread is inside {@link #submit}: the journal may call back
     * there (see {@link AuditJournal#append}), and an exchange's routing must not go on while the
     * thread holds this writer's lock, which every other appender is waiting for.
     */
    private static final ThreadLocal<List<Runnable>> IN_SUBMIT = new ThreadLocal<>();

    /** A record the journal has called back for, and how it went. */
    private record Synced(Pending pending, Exception failure) {
    }

    JournalWriter(Journal journal, Indexer indexer, long next, Durable durable) {
        this.journal = journal;
        this.indexer = indexer;
        this.next = next;
        this.handedOn = next;
        this.durable = durable;
    }

    @Override
    public CompletableFuture<Long> submit(Pending pending) {
        CompletableFuture<Long> done = pending.done();
        List<Runnable> deferred = new ArrayList<>(0);
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
            IN_SUBMIT.set(deferred);
            try {
                journal.append(seq, stamped, () -> calledBack(seq, new Synced(stamped, null)),
                        e -> calledBack(seq, new Synced(stamped, e)));
            } finally {
                IN_SUBMIT.remove();
            }
            last = done;
        }
        deferred.forEach(Runnable::run);
        return done;
    }

    /**
     * Hands on, in order, every record from {@link #handedOn} that the journal has called back for.
     * Under the lock, so that two journal threads calling back at once cannot interleave their
     * records; the appenders' futures complete after it, each on the thread that handed it on.
     */
    private void calledBack(long seq, Synced synced) {
        List<Runnable> completions = new ArrayList<>();
        synchronized (early) {
            if (seq != handedOn) {
                early.put(seq, synced); // an earlier record is still on its way
                return;
            }
            completions.add(handOn(handedOn++, synced));
            for (Synced s = early.remove(handedOn); s != null; s = early.remove(handedOn)) {
                completions.add(handOn(handedOn++, s));
            }
        }
        List<Runnable> inSubmit = IN_SUBMIT.get();
        if (inSubmit != null) {
            inSubmit.addAll(completions);
        } else {
            completions.forEach(Runnable::run);
        }
    }

    /** Guarded by {@link #early}; returns what completes the appender's future. */
    private Runnable handOn(long seq, Synced synced) {
        CompletableFuture<Long> done = synced.pending().done();
        if (synced.failure() != null) {
            if (broken == null) {
                broken = synced.failure();
            }
            return () -> done.completeExceptionally(new AuditUnavailableException("the audit log's journal is "
                    + "unavailable: record " + seq + " not written, the exchange must not go on unaudited",
                    synced.failure()));
        }
        if (broken != null) {
            // An earlier record failed: this one follows a gap and must not be acknowledged.
            Throwable cause = broken;
            return () -> done.completeExceptionally(new AuditUnavailableException(
                    "the audit journal failed before record " + seq, cause));
        }
        durable.record(seq, synced.pending());
        indexer.add(seq, synced.pending());
        return () -> done.complete(seq);
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
