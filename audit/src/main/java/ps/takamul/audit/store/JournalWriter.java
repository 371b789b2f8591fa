package ps.takamul.audit.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongConsumer;

/**
 * Writes batches for the group commit into the journal, on its thread only, without waiting for
 * the sync: the batch's records get the next sequence numbers and one time, the journal syncs
 * them as one transaction, and then (in batch order, on the journal's thread) the log's size grows
 * and the indexer takes them on. A journal that fails a batch fails every later one too: their
 * numbers would follow a gap, so nothing more is appended until the node restarts and recovers.
 */
final class JournalWriter implements GroupCommit.PipelinedWriter {
    private final AuditJournal journal;
    private final Indexer indexer;
    private final LongConsumer committedSize;
    private long next;
    private volatile Throwable broken;

    JournalWriter(AuditJournal journal, Indexer indexer, long next, LongConsumer committedSize) {
        this.journal = journal;
        this.indexer = indexer;
        this.next = next;
        this.committedSize = committedSize;
    }

    @Override
    public CompletionStage<Long> write(List<Pending> batch) {
        if (broken != null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "the audit journal failed earlier; restart the node to recover it", broken));
        }
        Instant at = Instant.now();
        List<Pending> stamped = new ArrayList<>(batch.size());
        batch.forEach(p -> stamped.add(p.appendedAt(at)));
        long first = next;
        next = first + batch.size();
        return journal.append(first, stamped).handle((ok, failure) -> {
            if (failure != null) {
                broken = failure;
                throw new IllegalStateException("the audit journal could not write records " + first + " onwards", failure);
            }
            committedSize.accept(first + stamped.size());
            indexer.add(first, stamped);
            return first;
        });
    }

    /** False once the journal has failed. */
    boolean healthy() {
        return broken == null;
    }
}
