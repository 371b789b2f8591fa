package ps.takamul.audit;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ps.takamul.audit.checkpoint.CheckpointMaker;
import ps.takamul.audit.checkpoint.CheckpointPolicy;
import ps.takamul.audit.merkle.MerkleTree;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.audit.store.AuditStore;
import ps.takamul.audit.store.AuditUnavailableException;
import ps.takamul.audit.store.Checkpoint;
import ps.takamul.audit.store.StoredRecord;

/**
 * A node's audit log: the store, the Merkle tree over it, and the checkpoints that commit to the
 * tree on a schedule. Everything that writes to or reads from the log goes through here.
 *
 * <p>When a write fails, the log says it is {@link #available() unavailable}: the node then
 * refuses new exchanges rather than run them unaudited. It asks the store once a second whether
 * the database is back, and takes exchanges again as soon as it is.
 */
public final class AuditLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final long PROBE_MILLIS = 1000;

    private final AuditStore store;
    private final MerkleTree tree;
    private final CheckpointMaker checkpoints;
    private final CheckpointPolicy policy;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong sinceCheckpoint = new AtomicLong();
    private volatile boolean available = true;
    /** One probe at a time; not the checkpoint's monitor, which a slow time-stamp request may hold. */
    private final java.util.concurrent.atomic.AtomicBoolean probing = new java.util.concurrent.atomic.AtomicBoolean();

    public AuditLog(AuditStore store, CheckpointMaker checkpoints, CheckpointPolicy policy, Clock clock) {
        this.store = store;
        this.tree = new MerkleTree(store.leaves());
        this.checkpoints = checkpoints;
        this.policy = policy;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "takamul-audit-checkpoints");
            t.setDaemon(true);
            return t;
        });
        long every = policy.interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::checkpointQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Appends a record; the future completes with its sequence number once it is durable, or
     * exceptionally with {@link AuditUnavailableException}. Nothing else may be answered first.
     */
    public CompletableFuture<Long> append(AuditRecord record) {
        return append(record, Map.of());
    }

    /**
     * Appends a record with the bodies it keeps ({@code bodyLogging: full}), keyed by the digests
     * the record names; the bodies are committed with the record or not at all.
     */
    public CompletableFuture<Long> append(AuditRecord record, Map<String, byte[]> bodies) {
        if (!available) {
            return CompletableFuture.failedFuture(new AuditUnavailableException(
                    "the audit log's database is unavailable; retrying every " + PROBE_MILLIS + " ms", null));
        }
        return store.append(record, bodies).whenComplete((sequence, failure) -> {
            if (failure != null) {
                markUnavailable(failure);
            } else if (sinceCheckpoint.incrementAndGet() % policy.records() == 0 && !scheduler.isShutdown()) {
                scheduler.execute(this::checkpointQuietly);
            }
        });
    }

    /** False while the database is down: new exchanges are refused until it is back. */
    public boolean available() {
        return available;
    }

    public AuditStore store() {
        return store;
    }

    public MerkleTree tree() {
        return tree;
    }

    public Clock clock() {
        return clock;
    }

    /** How many records are committed. */
    public long size() {
        return store.size();
    }

    /**
     * Makes a checkpoint over everything committed, unless the latest one already covers it;
     * returns the latest checkpoint either way (empty while the log is empty).
     */
    public synchronized Optional<Checkpoint> checkpoint() {
        Optional<Checkpoint> latest = store.latestCheckpoint();
        long size = store.size();
        if (size == 0 || latest.isPresent() && latest.get().treeSize() >= size) {
            return latest;
        }
        Checkpoint made = checkpoints.make(size, tree.root(size), clock.instant());
        store.saveCheckpoint(made);
        return Optional.of(made);
    }

    /** The first checkpoint that covers the record, made now if none does yet. */
    public Checkpoint checkpointCovering(long sequence) {
        for (Checkpoint c : store.checkpoints()) {
            if (c.treeSize() > sequence) {
                return c;
            }
        }
        return checkpoint().filter(c -> c.treeSize() > sequence).orElseThrow(
                () -> new IllegalArgumentException("no record " + sequence + " in a log of " + size()));
    }

    /** A record, and the proof that it is leaf {@code sequence} of the tree a checkpoint signs. */
    public Inclusion inclusion(long sequence, Checkpoint checkpoint) {
        StoredRecord record = store.read(sequence).orElseThrow(
                () -> new IllegalArgumentException("no record " + sequence + " in a log of " + size()));
        return new Inclusion(record, checkpoint, tree.inclusionProof(sequence, checkpoint.treeSize()));
    }

    /** The proof that the tree of {@code second} records extends the tree of {@code first}. */
    public List<byte[]> consistency(long first, long second) {
        return tree.consistencyProof(first, second);
    }

    /**
     * A record with its inclusion proof in a checkpoint's tree.
     *
     * @param record     the record as stored (its canonical bytes are the leaf)
     * @param checkpoint the signed checkpoint whose root the proof leads to
     * @param proof      RFC 9162 PATH from the leaf to that root
     */
    public record Inclusion(StoredRecord record, Checkpoint checkpoint, List<byte[]> proof) {
    }

    private void checkpointQuietly() {
        try {
            checkpoint();
        } catch (RuntimeException e) {
            LOG.warn("audit checkpoint not made: {}", e.toString());
        }
    }

    private void markUnavailable(Throwable failure) {
        if (available) {
            LOG.error("audit log unavailable, refusing new exchanges until it is back: {}", rootMessage(failure));
        }
        available = false;
        if (probing.compareAndSet(false, true)) {
            scheduler.schedule(this::probe, PROBE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void probe() {
        if (store.reachable()) {
            probing.set(false);
            available = true;
            LOG.info("audit log available again; taking exchanges");
        } else {
            scheduler.schedule(this::probe, PROBE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** Makes a last checkpoint over what was written, then closes the store. */
    @Override
    public void close() {
        // Not shutdownNow: an interrupted checkpoint write can leave H2's file closed under it.
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (available) {
                checkpoint();
            }
        } catch (RuntimeException e) {
            LOG.warn("no closing audit checkpoint: {}", e.toString());
        }
        store.close();
    }
}
