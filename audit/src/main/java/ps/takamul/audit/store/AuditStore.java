package ps.takamul.audit.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import ps.takamul.audit.merkle.LeafHashes;
import ps.takamul.audit.record.AuditRecord;

/**
 * Where the audit log lives: an append-only sequence of canonical records, their leaf hashes for
 * the Merkle tree, and the checkpoints signed over it. Nothing here updates or deletes a record.
 */
public interface AuditStore extends AutoCloseable {

    /**
     * Appends a record. The future completes with its sequence number (its 0-based leaf index) only
     * once the record is committed durably, or exceptionally with {@link AuditUnavailableException}
     * when it could not be, in which case nothing of it was written. The future completes on the
     * store's writer thread: dependent work belongs in the {@code *Async} stages.
     */
    CompletableFuture<Long> append(AuditRecord record);

    /** The committed leaf hashes, by sequence number: what {@code MerkleTree} works on. */
    LeafHashes leaves();

    /** How many records are committed. */
    default long size() {
        return leaves().size();
    }

    /** The records with sequence numbers in [from, to), oldest first, as stored. */
    List<StoredRecord> read(long from, long to);

    /** One record, as stored. */
    default Optional<StoredRecord> read(long sequence) {
        return read(sequence, sequence + 1).stream().findFirst();
    }

    /** The records that match the query, one page of them. */
    AuditPage search(AuditQuery query);

    /** Keeps a checkpoint; its tree size must not exceed {@link #size()}. */
    void saveCheckpoint(Checkpoint checkpoint);

    /** Every checkpoint, smallest tree first. */
    List<Checkpoint> checkpoints();

    default Optional<Checkpoint> latestCheckpoint() {
        List<Checkpoint> all = checkpoints();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * Whether the database answers now. The log asks this while it refuses exchanges after a
     * failed write, to know when to take them again; it must not wait long.
     */
    boolean reachable();

    /** Writes what is queued, then stops; appends after this fail. */
    @Override
    void close();
}
