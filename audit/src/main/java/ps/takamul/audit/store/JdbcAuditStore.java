package ps.takamul.audit.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
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
 * {@link SqlDialect}. Appends go through one group-committing writer into the database itself or,
 * for the embedded store, into a journal the database catches up from; reads take a connection from
 * a few kept open ({@link ReaderPool}).
 * One store, one writer per log: two nodes must not append to the same tables.
 */
public final class JdbcAuditStore implements AuditStore {
    private final AtomicLong committed;
    /** A group-committing writer thread (PostgreSQL) or the journal's writer (embedded). */
    private final Appender commits;
    /** Null when appends go straight to the database (PostgreSQL); then {@link #writer} is set. */
    private final JournaledAppends journaled;
    private final RecordWriter writer;
    private final RecordReader reader;
    private final CheckpointTable checkpoints;
    private final BodyTable bodies;
    private final SegmentTable segments;
    private final StoreLeaves leaves;
    /** Idle reader connections kept: enough for an auditor or two and the checkpoint thread. */
    private static final int READERS_KEPT = 4;
    private final ConnectionSource source;
    private final ReaderPool readers;

    /**
     * Opens the store, creating its tables on first use; fails if the database cannot be reached.
     * Appends are group-committed into the database.
     */
    public JdbcAuditStore(ConnectionSource source, SqlDialect dialect, GroupCommitSettings settings) {
        this(source, dialect, settings, null, null);
    }

    /**
     * As above, but appends are durable once in the journal in directory {@code journal} and reach
     * the database in larger batches right after (the embedded store's way, see
     * {@link AuditJournal}); the journal groups the syncs itself, at most one per
     * {@code syncInterval}. What the journal still holds at start-up is written first.
     */
    public JdbcAuditStore(ConnectionSource source, SqlDialect dialect, Path journal, Duration syncInterval) {
        this(source, dialect, null, Objects.requireNonNull(journal, "journal"),
                AuditJournal.checkSyncInterval(syncInterval));
    }

    private JdbcAuditStore(ConnectionSource source, SqlDialect dialect, GroupCommitSettings settings, Path journal,
                           Duration syncInterval) {
        long stored;
        try (Connection c = source.open()) {
            AuditSchema.create(c, dialect);
            dialect.catchUpKeys(c);
            stored = RecordWriter.nextSequence(c);
        } catch (SQLException e) {
            throw RecordReader.unavailable(e);
        }
        committed = new AtomicLong(stored);
        this.source = source;
        readers = new ReaderPool(source, READERS_KEPT);
        reader = new RecordReader(readers, dialect);
        checkpoints = new CheckpointTable(readers, dialect);
        bodies = new BodyTable(readers);
        segments = new SegmentTable(readers, source, dialect);
        leaves = new StoreLeaves(committed::get, (from, count) -> {
            readable(Math.min(from + count, committed.get()));
            return reader.leafHashes(from, count);
        });
        if (journal == null) {
            journaled = null;
            writer = new RecordWriter(source, dialect, this::durable);
            commits = new GroupCommit(writer, settings, "takamul-audit-writer");
            return;
        }
        writer = null;
        try {
            journaled = new JournaledAppends(journal, syncInterval, source, dialect, stored, this::durable);
        } catch (RuntimeException e) {
            readers.close();
            throw e;
        }
        committed.set(journaled.size());
        commits = journaled.writer();
    }

    /** A record is durable: its leaf goes to the tree's cache before the log's size covers it. */
    private void durable(long seq, Pending record) {
        leaves.appended(seq, record.leafHash());
        committed.set(seq + 1);
    }

    /** Returns once what a reader may ask for, up to {@code size}, is in the database. */
    private void readable(long size) {
        if (journaled != null) {
            journaled.await(size);
        }
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
        return commits.submit(new Pending(SearchColumns.of(record), canonical, MerkleHash.leaf(canonical), kept,
                new CompletableFuture<>()));
    }

    @Override
    public Optional<byte[]> body(String digest) {
        readable(committed.get());
        return bodies.read(digest);
    }

    @Override
    public LeafHashes leaves() {
        return leaves;
    }

    @Override
    public List<StoredRecord> read(long from, long to) {
        long end = Math.min(to, committed.get());
        readable(end);
        return reader.range(from, end);
    }

    @Override
    public AuditPage search(AuditQuery query) {
        readable(committed.get());
        return reader.search(query);
    }

    @Override
    public void saveCheckpoint(Checkpoint checkpoint) {
        if (checkpoint.treeSize() < 0 || checkpoint.treeSize() > size()) {
            throw new IllegalArgumentException("a checkpoint of tree size " + checkpoint.treeSize()
                    + " over a log of " + size() + " records");
        }
        readable(checkpoint.treeSize());
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
        readable(segment.to());
        segments.seal(segment);
    }

    @Override
    public boolean reachable() {
        if (journaled != null && !journaled.healthy()) {
            return false;
        }
        try (Connection c = source.open()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (journaled != null) {
            journaled.close();
        } else {
            commits.close();
            writer.close();
        }
        readers.close();
    }
}
