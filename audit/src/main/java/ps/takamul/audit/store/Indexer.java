package ps.takamul.audit.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies what the journal made durable into the database, where it is searched and exported, in
 * batches of up to {@link #MAX_BATCH} records or {@link #MAX_BATCH_BYTES} gathered over up to
 * {@link #LINGER_MILLIS} (up to {@link #SHORT_BLOCK_LINGER_MILLIS} while fewer than
 * {@link #MIN_BLOCK} wait). Each H2 commit writes out every page it touched and ends a transaction
 * that revisits every row it wrote; batches of thousands share both among many records. The
 * records wait in the journal meanwhile, so a longer linger risks nothing but a longer replay at
 * start-up. Records reach the database in sequence order, each batch in one transaction, and only
 * then leave the journal.
 *
 * <p>Readers call {@link #await} first: it asks for the pending records to be written at once and
 * waits for them, so a record can be searched as soon as its exchange is answered. While the
 * database is down, appends still succeed (the journal has them) and the indexer tries again every
 * {@link #RETRY_MILLIS}; readers wait up to {@link #READ_WAIT_MILLIS} and then get
 * {@link AuditUnavailableException}.
 */
final class Indexer implements AutoCloseable {
    static final int MAX_BATCH = 20_000;
    /** Bounds the heap the waiting records take when services keep large bodies. */
    static final long MAX_BATCH_BYTES = 16L * 1024 * 1024;
    /**
     * Short enough that a batch's records are written before the next young collection, which
     * would otherwise copy them (and promote them) while they wait; each batch's own cost (a
     * commit, a sync, a few postings rows) is small next to the records' at this length.
     */
    static final long LINGER_MILLIS = 500;
    /**
     * A block shorter than this waits up to {@link #SHORT_BLOCK_LINGER_MILLIS} for more records: at
     * a few records a second, half-second blocks would leave each search more postings rows to
     * read than records to find. Records that few cost the collector nothing while they wait.
     */
    static final int MIN_BLOCK = 1000;
    static final long SHORT_BLOCK_LINGER_MILLIS = 10_000;
    static final long RETRY_MILLIS = 1000;
    static final long READ_WAIT_MILLIS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);

    /** Consecutive records, numbered {@code first...}, and their {@link Pending#bytes()}. */
    private static final class Batch {
        final long first;
        final List<Pending> records = new ArrayList<>();
        long bytes;

        Batch(long first) {
            this.first = first;
        }

        boolean full() {
            return records.size() >= MAX_BATCH || bytes >= MAX_BATCH_BYTES;
        }

        boolean takes(long seq) {
            return first + records.size() == seq && !full();
        }

        void add(Pending record, long size) {
            records.add(record);
            bytes += size;
        }
    }

    private final RecordWriter writer;
    private final AuditJournal journal;
    private final Object lock = new Object();
    private final ArrayDeque<Batch> queue = new ArrayDeque<>();
    /** Records in {@link #queue}, and their bytes. */
    private int queued;
    private long queuedBytes;
    private final Thread thread;
    /** Records in the database: [0, indexed). */
    private long indexed;
    /** The size a reader waits for; the thread writes at once while it is ahead of {@link #indexed}. */
    private long wanted;
    private Exception failure;
    private boolean closing;

    Indexer(RecordWriter writer, AuditJournal journal, long indexed) {
        this.writer = writer;
        this.journal = journal;
        this.indexed = indexed;
        this.thread = new Thread(this::run, "takamul-audit-indexer");
        thread.setDaemon(true);
    }

    /** Writes what the journal held at start-up, before anything new is appended, then starts the thread. */
    void start(List<Pending> held, long first) throws Exception {
        Batch batch = new Batch(first);
        for (Pending record : held) {
            if (batch.full()) {
                write(List.of(batch));
                batch = new Batch(batch.first + batch.records.size());
            }
            batch.add(record, record.bytes());
        }
        if (!batch.records.isEmpty()) {
            write(List.of(batch));
        }
        thread.start();
    }

    /** Hands over a record the journal has made durable; records come in sequence order. */
    void add(long seq, Pending record) {
        long size = record.bytes();
        synchronized (lock) {
            Batch tail = queue.peekLast();
            boolean wasEmpty = tail == null;
            if (tail == null || !tail.takes(seq)) {
                tail = new Batch(seq);
                queue.add(tail);
            }
            tail.add(record, size);
            queued++;
            queuedBytes += size;
            // Wake the thread only when it waits for work, a block is long enough or a batch is
            // full: while it lingers, every append waking it would cost a context switch on the
            // exchange's path.
            if (wasEmpty || queued == MIN_BLOCK || full()) {
                lock.notifyAll();
            }
        }
    }

    /** Returns once records [0, size) are in the database. */
    void await(long size) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READ_WAIT_MILLIS);
        synchronized (lock) {
            wanted = Math.max(wanted, size);
            lock.notifyAll();
            while (indexed < size) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || closing) {
                    throw new AuditUnavailableException("the audit log's database is unavailable: records "
                            + indexed + " to " + size + " are safe in the journal but cannot be read yet", failure);
                }
                waitOn(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
        }
    }

    /** Writes everything handed over so far, then stops; what it cannot write stays in the journal. */
    @Override
    public void close() {
        synchronized (lock) {
            closing = true;
            lock.notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.close();
    }

    private void run() {
        while (true) {
            List<Batch> work = next();
            if (work.isEmpty()) {
                return;
            }
            while (!tryWrite(work)) {
                synchronized (lock) {
                    if (closing) {
                        return;
                    }
                    waitOn(RETRY_MILLIS);
                }
            }
        }
    }

    /** The next batches to write, gathered for up to the linger unless a reader waits; empty once closed and drained. */
    private List<Batch> next() {
        synchronized (lock) {
            while (queue.isEmpty() && !closing) {
                waitOn(0);
            }
            long start = System.currentTimeMillis();
            while (!closing && wanted <= indexed && !full()) {
                long linger = queued >= MIN_BLOCK ? LINGER_MILLIS : SHORT_BLOCK_LINGER_MILLIS;
                long left = start + linger - System.currentTimeMillis();
                if (left <= 0) {
                    break;
                }
                waitOn(left);
            }
            List<Batch> work = new ArrayList<>();
            int records = 0;
            long bytes = 0;
            while (!queue.isEmpty() && records < MAX_BATCH && bytes < MAX_BATCH_BYTES) {
                Batch b = queue.poll();
                work.add(b);
                records += b.records.size();
                bytes += b.bytes;
                queued -= b.records.size();
                queuedBytes -= b.bytes;
            }
            return work;
        }
    }

    /** Guarded by the lock: a batch's worth is waiting. */
    private boolean full() {
        return queued >= MAX_BATCH || queuedBytes >= MAX_BATCH_BYTES;
    }

    private boolean tryWrite(List<Batch> work) {
        try {
            write(work);
            return true;
        } catch (Exception e) {
            synchronized (lock) {
                if (failure == null) {
                    LOG.warn("audit records {} onwards are in the journal but not yet in the database; retrying every {} ms: {}",
                            work.get(0).first, RETRY_MILLIS, e.toString());
                }
                failure = e;
            }
            return false;
        }
    }

    private void write(List<Batch> work) throws Exception {
        List<Pending> records = new ArrayList<>();
        long first = work.get(0).first;
        for (Batch b : work) {
            if (b.first != first + records.size()) {
                // Written on, these records would be stored under the wrong numbers.
                throw new IllegalStateException("audit records reached the indexer out of order: "
                        + b.first + " after " + (first + records.size() - 1));
            }
            records.addAll(b.records);
        }
        writer.write(records, first);
        long end = first + records.size();
        journal.forget(first, end);
        synchronized (lock) {
            if (failure != null) {
                LOG.info("the audit log's database is back: records up to {} are written", end);
                failure = null;
            }
            indexed = end;
            lock.notifyAll();
        }
    }

    private void waitOn(long millis) {
        try {
            lock.wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing = true;
        }
    }
}
