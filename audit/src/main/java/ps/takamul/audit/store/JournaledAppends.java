package ps.takamul.audit.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The embedded store's way of appending: the journal, its writer and the indexer behind it, opened
 * and recovered together and closed together (see {@link AuditJournal}).
 */
final class JournaledAppends implements AutoCloseable {
    private final AuditJournal journal;
    private final Indexer indexer;
    private final JournalWriter writer;
    private final long size;

    /**
     * Opens the journal in {@code dir}, syncing at most once per {@code syncInterval}, over a
     * database holding records [0, stored), writes into the database what the journal holds beyond
     * that, and forgets what both hold (a stop came between the two). {@code durable} then
     * hears of every record made durable.
     */
    JournaledAppends(Path dir, Duration syncInterval, ConnectionSource source, SqlDialect dialect, long stored,
                     Durable durable) {
        SortedMap<Long, Pending> held = new TreeMap<>();
        try {
            journal = AuditJournal.open(dir, syncInterval, held);
        } catch (IOException e) {
            throw new AuditUnavailableException(e.getMessage(), e);
        }
        indexer = new Indexer(new RecordWriter(source, dialect, (seq, indexed) -> { }), journal, stored);
        try {
            size = recover(held, stored);
        } catch (Exception e) {
            close();
            throw e instanceof AuditUnavailableException a ? a
                    : new AuditUnavailableException("cannot recover the audit journal: " + e.getMessage(), e);
        }
        writer = new JournalWriter(journal, indexer, size, durable);
    }

    private long recover(SortedMap<Long, Pending> held, long stored) throws Exception {
        if (!held.isEmpty() && held.firstKey() < stored) {
            journal.forget(held.firstKey(), Math.min(stored, held.lastKey() + 1));
        }
        SortedMap<Long, Pending> missing = held.tailMap(stored);
        if (!missing.isEmpty() && (missing.firstKey() != stored || missing.lastKey() != stored + missing.size() - 1)) {
            throw new IllegalStateException("the audit journal holds records " + missing.firstKey() + " to "
                    + missing.lastKey() + " (" + missing.size() + " of them) but the database ends at record " + stored);
        }
        indexer.start(new ArrayList<>(missing.values()), stored);
        return stored + missing.size();
    }

    /** The log's size once recovered. */
    long size() {
        return size;
    }

    Appender writer() {
        return writer;
    }

    /** Returns once records [0, size) are in the database. */
    void await(long size) {
        indexer.await(size);
    }

    /** False once the journal has failed: the store is then unavailable until a restart. */
    boolean healthy() {
        return writer.healthy();
    }

    /** Waits for the records appended, lets the indexer write them, then closes the journal. */
    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
        indexer.close();
        journal.close();
    }
}
