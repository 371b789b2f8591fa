package ps.takamul.audit.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import org.apache.activemq.artemis.api.core.ActiveMQBuffer;
import org.apache.activemq.artemis.core.io.SequentialFileFactory;
import org.apache.activemq.artemis.core.journal.EncodingSupport;
import org.apache.activemq.artemis.core.io.nio.NIOSequentialFileFactory;
import org.apache.activemq.artemis.core.journal.IOCompletion;
import org.apache.activemq.artemis.core.journal.PreparedTransactionInfo;
import org.apache.activemq.artemis.core.journal.RecordInfo;
import org.apache.activemq.artemis.core.journal.impl.JournalImpl;
import ps.takamul.audit.merkle.MerkleHash;
import ps.takamul.audit.record.AuditRecords;

/**
 * The embedded store's write-ahead journal: Artemis's own journal (the one the broker keeps its
 * messages in), in a directory beside the H2 file. Each record is one journal record, synced
 * before its exchange is answered; the journal's timed buffer is the group commit, gathering the
 * records appended while the last sync was under way into one write and one sync. The
 * {@link Indexer} copies records into H2 in larger batches afterwards and then deletes them here.
 * An H2 commit rewrites every B-tree page it touched, which made a commit per group the node's
 * largest cost; an append here is a write and a share of one fsync.
 *
 * <p>What a restart finds here is every record that reached the disk and was not yet deleted; a
 * record cut short by a crash fails the journal's check and is dropped (it was never acknowledged).
 */
final class AuditJournal implements JournalWriter.Journal, AutoCloseable {
    /** A record and its kept bodies must fit in one file: 2 bodies of the default 1 MiB limit fit easily. */
    static final int FILE_SIZE = 10 * 1024 * 1024;
    private static final byte RECORD = 1;
    /**
     * The shortest time between two syncs, unless set ({@code takamul.audit.journal.sync-interval}).
     * A shorter interval costs more syncs and answers sooner; which wins depends on the machine.
     * Where the exchange took 511 µs of CPU, 2 ms beat 0.5 ms. Where it took 226 µs, 0.5 ms gave
     * the audited path about 10 % more throughput than 2 ms, for less CPU per answer, and the
     * machine sat idle less while answers waited for a sync (docs/audit-bench.md).
     */
    public static final Duration DEFAULT_SYNC_INTERVAL = Duration.ofNanos(500_000);
    /**
     * The bounds of the interval. At zero the journal's timer thread spins between syncs (it
     * halved the node's throughput); 0.1 ms keeps clear of that. Over a second, every answer
     * would wait that long.
     */
    static final Duration MIN_SYNC_INTERVAL = Duration.ofNanos(100_000);
    static final Duration MAX_SYNC_INTERVAL = Duration.ofSeconds(1);

    private final JournalImpl journal;
    private final SequentialFileFactory files;
    private final JournalExecutors executors = new JournalExecutors("takamul-audit-journal");

    private AuditJournal(Path dir, Duration syncInterval) throws IOException {
        Files.createDirectories(dir);
        // Buffered: the journal's timed buffer gathers the records appended while the last sync
        // was under way into one write and one sync (at most one per sync interval).
        files = new NIOSequentialFileFactory(dir.toFile(), true, FILE_SIZE, (int) syncInterval.toNanos(), 1, false);
        // Appends run on the appender's thread (JournalExecutors). No compaction (min files 0):
        // records are deleted in the order they were added, so whole files free up without it.
        journal = new JournalImpl(executors, FILE_SIZE, 2, 2, 0, 30, files, "takamul-audit", "tjl", 1, 0);
    }

    /** As {@link #open(Path, Duration, SortedMap)} with the default sync interval. */
    static AuditJournal open(Path dir, SortedMap<Long, Pending> held) throws IOException {
        return open(dir, DEFAULT_SYNC_INTERVAL, held);
    }

    /**
     * Opens the journal, syncing at most once per {@code syncInterval}, and puts the records it
     * still holds into {@code held}, by sequence number.
     */
    static AuditJournal open(Path dir, Duration syncInterval, SortedMap<Long, Pending> held) throws IOException {
        AuditJournal j = new AuditJournal(dir, checkSyncInterval(syncInterval));
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

    /** The interval itself, or an error that names the setting and its bounds. */
    static Duration checkSyncInterval(Duration interval) {
        if (interval.compareTo(MIN_SYNC_INTERVAL) < 0 || interval.compareTo(MAX_SYNC_INTERVAL) > 0) {
            throw new IllegalArgumentException("takamul.audit.journal.sync-interval is " + interval.toNanos() / 1000
                    + " µs; it must be between " + MIN_SYNC_INTERVAL.toNanos() / 1000 + " µs and "
                    + MAX_SYNC_INTERVAL.toMillis() + " ms");
        }
        return interval;
    }

    /**
     * Writes one record and returns at once; {@code synced} runs once it is on disk, or
     * {@code failed} if it cannot be written. Records are written in the order they are appended,
     * but the callbacks may come out of order and from two threads at once: the timed buffer syncs
     * outside its lock, so a flush its timer started and one a full buffer or a new file started
     * can finish in either order ({@link JournalWriter} puts them back in order). They may also
     * run in the calling thread before this returns: the append runs there, and a record that
     * starts a new file has the buffer written and synced first.
     */
    @Override
    public void append(long seq, Pending record, Runnable synced, java.util.function.Consumer<Exception> failed) {
        try {
            journal.appendAddRecord(seq, RECORD, new RecordEncoding(record), true, new IOCompletion() {
                @Override
                public void storeLineUp() {
                    // nothing to line up: the caller hears of the sync through done()
                }

                @Override
                public void done() {
                    synced.run();
                }

                @Override
                public void onError(int errorCode, String errorMessage) {
                    failed.accept(new IOException("the audit journal failed to write: " + errorMessage));
                }
            });
        } catch (Exception e) {
            failed.accept(e);
        }
    }

    /** The executor the journal's appends run on (for tests). */
    JournalExecutors.CallerRuns appendExecutor() {
        return executors.appends();
    }

    /**
     * Forgets records once H2 has them on disk; the journal reclaims a file when all of it is
     * forgotten. Runs in the indexer's thread, like an append in the appender's: a delete that
     * starts a new file syncs the buffer there, and the synced records' exchanges go on there.
     */
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
        executors.close();
    }

    /**
     * A record in the journal: appended-at (epoch microseconds), the canonical record, then the
     * kept bodies as digest and content. The leaf hash is recomputed from the canonical bytes.
     * Written straight into the journal's buffer: no copy of the record on the way.
     */
    private static final class RecordEncoding implements EncodingSupport {
        private final Pending p;
        private final byte[][] digests;
        private final int size;

        RecordEncoding(Pending p) {
            this.p = p;
            digests = new byte[p.bodies().size()][];
            int n = 8 + 4 + p.canonical().length + 4;
            int i = 0;
            for (Map.Entry<String, byte[]> body : p.bodies().entrySet()) {
                digests[i] = body.getKey().getBytes(StandardCharsets.UTF_8);
                n += 4 + digests[i++].length + 4 + body.getValue().length;
            }
            size = n;
        }

        @Override
        public int getEncodeSize() {
            return size;
        }

        @Override
        public void encode(ActiveMQBuffer out) {
            Instant at = p.appendedAt();
            out.writeLong(at.getEpochSecond() * 1_000_000L + at.getNano() / 1000);
            out.writeInt(p.canonical().length);
            out.writeBytes(p.canonical());
            out.writeInt(digests.length);
            int i = 0;
            for (byte[] content : p.bodies().values()) {
                out.writeInt(digests[i].length);
                out.writeBytes(digests[i++]);
                out.writeInt(content.length);
                out.writeBytes(content);
            }
        }

        @Override
        public void decode(ActiveMQBuffer in) {
            throw new UnsupportedOperationException("records are read back from their bytes: see decode(byte[])");
        }
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
        return new Pending(SearchColumns.of(AuditRecords.read(canonical)), canonical, MerkleHash.leaf(canonical),
                bodies, new CompletableFuture<>(), at);
    }

    private static byte[] bytes(ByteBuffer in) {
        byte[] b = new byte[in.getInt()];
        in.get(b);
        return b;
    }
}
