package ps.takamul.audit.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.artemis.core.io.SequentialFileFactory;
import org.apache.activemq.artemis.core.io.nio.NIOSequentialFileFactory;
import org.apache.activemq.artemis.core.journal.IOCompletion;
import org.apache.activemq.artemis.core.journal.PreparedTransactionInfo;
import org.apache.activemq.artemis.core.journal.RecordInfo;
import org.apache.activemq.artemis.core.journal.impl.JournalImpl;
import ps.takamul.audit.merkle.MerkleHash;
import ps.takamul.audit.record.AuditRecords;

/**
 * The embedded store's write-ahead journal: Artemis's own journal (the one the broker keeps its
 * messages in), in a directory beside the H2 file. A group-committed batch is one journal
 * transaction, synced before the exchanges are answered; the {@link Indexer} copies it into H2 in
 * larger batches afterwards and then deletes it here. An H2 commit rewrites every B-tree page it
 * touched, which made the per-batch commit the node's largest cost; an append here is a write and
 * one fsync per batch.
 *
 * <p>What a restart finds here is every batch that was acknowledged and not yet deleted; a batch
 * whose commit record did not reach the disk was never acknowledged and is dropped by the journal.
 */
final class AuditJournal implements AutoCloseable {
    /** A record and its kept bodies must fit in one file: 2 bodies of the default 1 MiB limit fit easily. */
    static final int FILE_SIZE = 10 * 1024 * 1024;
    private static final byte RECORD = 1;
    /**
     * The shortest time between two syncs. A sync here costs about 0.1 ms of CPU and 0.2 ms of
     * waiting; 0.5 ms lets a few batches share each one without adding much to an answer.
     */
    private static final int SYNC_NANOS = 500_000;

    private final JournalImpl journal;
    private final SequentialFileFactory files;
    /** Unique across restarts: the journal refuses a transaction id still open in its files. */
    private final AtomicLong transactions = new AtomicLong(System.currentTimeMillis() << 20);

    private AuditJournal(Path dir) throws IOException {
        Files.createDirectories(dir);
        // Buffered: the journal's timed buffer gathers the batches the writer hands over while the
        // last sync is under way into one write and one sync (at most one per SYNC_NANOS).
        files = new NIOSequentialFileFactory(dir.toFile(), true, FILE_SIZE, SYNC_NANOS, 1, false);
        journal = new JournalImpl(FILE_SIZE, 2, 2, 10, 30, files, "takamul-audit", "tjl", 1);
    }

    /** Opens the journal and puts the records it still holds into {@code held}, by sequence number. */
    static AuditJournal open(Path dir, SortedMap<Long, Pending> held) throws IOException {
        AuditJournal j = new AuditJournal(dir);
        try {
            j.files.start();
            j.journal.start();
            List<RecordInfo> committed = new ArrayList<>();
            // A transaction without its commit record was never acknowledged: nothing to do for it.
            j.journal.load(committed, new ArrayList<PreparedTransactionInfo>(), (id, records, deletes) -> { }, true);
            committed.forEach(r -> held.put(r.id, decode(r.data)));
            return j;
        } catch (Exception e) {
            j.close();
            throw new IOException("cannot open the audit journal in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the batch as records {@code first...} and returns at once; the stage completes once
     * the batch is on disk. Stages complete in the order their batches were written.
     */
    CompletableFuture<Void> append(long first, List<Pending> batch) {
        CompletableFuture<Void> synced = new CompletableFuture<>();
        long tx = transactions.incrementAndGet();
        long seq = first;
        try {
            for (Pending p : batch) {
                journal.appendAddRecordTransactional(tx, seq++, RECORD, encode(p));
            }
            journal.appendCommitRecord(tx, true, new IOCompletion() {
                @Override
                public void storeLineUp() {
                    // nothing to line up: the caller waits on the stage
                }

                @Override
                public void done() {
                    synced.complete(null);
                }

                @Override
                public void onError(int errorCode, String errorMessage) {
                    synced.completeExceptionally(new IOException("the audit journal failed to write: " + errorMessage));
                }
            });
        } catch (Exception e) {
            try {
                journal.appendRollbackRecord(tx, false);
            } catch (Exception ignored) {
                // the journal is failing already; without a commit record the batch is void anyway
            }
            synced.completeExceptionally(e);
        }
        return synced;
    }

    /** Forgets records once H2 has them on disk; the journal reclaims a file when all of it is forgotten. */
    void forget(long from, long to) throws Exception {
        for (long seq = from; seq < to; seq++) {
            journal.appendDeleteRecord(seq, false);
        }
    }

    @Override
    public void close() {
        try {
            journal.stop();
        } catch (Exception ignored) {
            // stopping flushes what is queued; a failure here leaves the files as they were
        }
        files.stop();
    }

    /*
     * A record in the journal: appended-at (epoch microseconds), the canonical record, then the
     * kept bodies as digest and content. The leaf hash is recomputed from the canonical bytes.
     */
    private static byte[] encode(Pending p) {
        int size = 8 + 4 + p.canonical().length + 4;
        for (Map.Entry<String, byte[]> body : p.bodies().entrySet()) {
            size += 4 + utf8(body.getKey()).length + 4 + body.getValue().length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putLong(ChronoUnit.MICROS.between(Instant.EPOCH, p.appendedAt()));
        out.putInt(p.canonical().length).put(p.canonical());
        out.putInt(p.bodies().size());
        for (Map.Entry<String, byte[]> body : p.bodies().entrySet()) {
            byte[] digest = utf8(body.getKey());
            out.putInt(digest.length).put(digest).putInt(body.getValue().length).put(body.getValue());
        }
        return out.array();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Pending decode(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        Instant at = Instant.EPOCH.plus(in.getLong(), ChronoUnit.MICROS);
        byte[] canonical = bytes(in);
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        for (int n = in.getInt(); n > 0; n--) {
            String digest = new String(bytes(in), StandardCharsets.UTF_8);
            bodies.put(digest, bytes(in));
        }
        return new Pending(AuditRecords.read(canonical), canonical, MerkleHash.leaf(canonical), bodies,
                new CompletableFuture<>(), at);
    }

    private static byte[] bytes(ByteBuffer in) {
        byte[] b = new byte[in.getInt()];
        in.get(b);
        return b;
    }
}
