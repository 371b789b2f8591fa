package ps.takamul.audit.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import ps.takamul.audit.merkle.LeafHashes;
import ps.takamul.audit.merkle.MerkleHash;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.audit.record.AuditRecords;

/**
 * The audit store on a SQL database, the same for PostgreSQL and H2 but for their
 * {@link SqlDialect}. Appends go through one group-committing writer; reads take a connection from
 * a few kept open ({@link ReaderPool}).
 * One store, one writer per log: two nodes must not append to the same tables.
 */
public final class JdbcAuditStore implements AuditStore {
    private final AtomicLong committed;
    private final RecordWriter writer;
    private final GroupCommit commits;
    private final RecordReader reader;
    private final CheckpointTable checkpoints;
    private final BodyTable bodies;
    private final SegmentTable segments;
    private final StoreLeaves leaves;
    /** Idle reader connections kept: enough for an auditor or two and the checkpoint thread. */
    private static final int READERS_KEPT = 4;
    private final ConnectionSource source;
    private final ReaderPool readers;

    /** Opens the store, creating its tables on first use; fails if the database cannot be reached. */
    public JdbcAuditStore(ConnectionSource source, SqlDialect dialect, GroupCommitSettings settings) {
        try (Connection c = source.open()) {
            AuditSchema.create(c, dialect);
            committed = new AtomicLong(RecordWriter.nextSequence(c));
        } catch (SQLException e) {
            throw RecordReader.unavailable(e);
        }
        this.source = source;
        readers = new ReaderPool(source, READERS_KEPT);
        writer = new RecordWriter(source, dialect, committed::set);
        commits = new GroupCommit(writer, settings, "takamul-audit-writer");
        reader = new RecordReader(readers);
        checkpoints = new CheckpointTable(readers, dialect);
        bodies = new BodyTable(readers);
        segments = new SegmentTable(readers, source, dialect);
        leaves = new StoreLeaves(committed::get, reader::leafHashes);
    }

    @Override
    public CompletableFuture<Long> append(AuditRecord record, Map<String, byte[]> bodies) {
        Map<String, byte[]> kept = new LinkedHashMap<>();
        bodies.forEach((digest, content) -> {
            if (!digest.equals(record.requestDigest()) && !digest.equals(record.responseDigest())) {
                throw new IllegalArgumentException("a body is kept under its record's request or response digest, not "
                        + digest);
            }
            kept.put(digest, Objects.requireNonNull(content, "body").clone());
        });
        byte[] canonical = AuditRecords.canonical(record);
        return commits.submit(new Pending(record, canonical, MerkleHash.leaf(canonical), kept, new CompletableFuture<>()));
    }

    @Override
    public Optional<byte[]> body(String digest) {
        return bodies.read(digest);
    }

    @Override
    public LeafHashes leaves() {
        return leaves;
    }

    @Override
    public List<StoredRecord> read(long from, long to) {
        return reader.range(from, Math.min(to, committed.get()));
    }

    @Override
    public AuditPage search(AuditQuery query) {
        return reader.search(query);
    }

    @Override
    public void saveCheckpoint(Checkpoint checkpoint) {
        if (checkpoint.treeSize() < 0 || checkpoint.treeSize() > size()) {
            throw new IllegalArgumentException("a checkpoint of tree size " + checkpoint.treeSize()
                    + " over a log of " + size() + " records");
        }
        checkpoints.save(checkpoint);
    }

    @Override
    public List<Checkpoint> checkpoints() {
        return checkpoints.all();
    }

    @Override
    public List<ArchiveSegment> segments() {
        return segments.all();
    }

    @Override
    public void sealSegment(ArchiveSegment segment) {
        if (segment.to() > size()) {
            throw new IllegalArgumentException("an archive segment up to record " + segment.to()
                    + " in a log of " + size() + " records");
        }
        segments.seal(segment);
    }

    @Override
    public boolean reachable() {
        try (Connection c = source.open()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        commits.close();
        writer.close();
        readers.close();
    }
}
