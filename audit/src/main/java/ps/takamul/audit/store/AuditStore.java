package ps.takamul.audit.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import ps.takamul.audit.merkle.LeafHashes;
import ps.takamul.audit.record.AuditRecord;

/**
 * Where the audit log lives: an append-only sequence of canonical records, their leaf hashes for
 * the Merkle tree, the bodies kept beside them, and the checkpoints signed over it. Nothing here
 * updates a record; the one way a record leaves is {@link #sealSegment}, once it is in an archive
 * segment, and its leaf hash stays.
 */
public interface AuditStore extends AutoCloseable {

    /**
     * Appends a record with the bodies kept by policy. The future completes with its sequence
     * number (its 0-based leaf index) only once the record and its bodies are committed durably,
     * together, or exceptionally with {@link AuditUnavailableException} when they could not be, in
     * which case nothing of them was written. The future completes on the store's writer thread:
     * dependent work belongs in the {@code *Async} stages.
     *
     * @param bodies the bodies to keep, each under its digest as the record names it
     *               ({@code sha-256=:BASE64:}, the record's request or response digest); empty for none
     * @throws IllegalArgumentException if a body's digest is not one the record names
     */
    CompletableFuture<Long> append(AuditRecord record, Map<String, byte[]> bodies);

    /** Appends a record without bodies: see {@link #append(AuditRecord, Map)}. */
    default CompletableFuture<Long> append(AuditRecord record) {
        return append(record, Map.of());
    }

    /** A kept body, by the digest its record names; empty if none was kept or it was archived. */
    Optional<byte[]> body(String digest);

    /** The committed leaf hashes, by sequence number: what {@code MerkleTree} works on. */
    LeafHashes leaves();

    /** How many records are committed. */
    default long size() {
        return leaves().size();
    }

    /**
     * The records with sequence numbers in [from, to), oldest first, as stored. Archived records
     * are not in the database any more and are left out: {@link #archivedIn} says where they are.
     */
    List<StoredRecord> read(long from, long to);

    /** One record, as stored; empty if there is none or it was archived. */
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

    /** The archive segments sealed so far, oldest first; together they cover [0, end of the last). */
    default List<ArchiveSegment> segments() {
        return List.of();
    }

    /** The archive segment that holds a record whose row left the database, if it did. */
    default Optional<ArchiveSegment> archivedIn(long sequence) {
        return segments().stream().filter(s -> s.contains(sequence)).findFirst();
    }

    /**
     * Records an archive segment, whose bundle file is written and synced already, and removes its
     * records and their bodies from the database, keeping their leaf hashes: all in one
     * transaction. The segment must start where the last one ended and end at a checkpoint's tree
     * size. Only {@code ps.takamul.audit.archive.Archiver} calls this.
     */
    default void sealSegment(ArchiveSegment segment) {
        throw new UnsupportedOperationException("this audit store does not archive");
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
