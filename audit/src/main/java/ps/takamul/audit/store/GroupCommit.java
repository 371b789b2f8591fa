package ps.takamul.audit.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The one writer thread: it takes what appenders have queued, writes it as one transaction and
 * completes their futures, so many appends share one durable flush. A single writer also makes
 * sequence numbers simple: they are handed out inside the transaction, in queue order.
 */
final class GroupCommit implements Appender {
    /** Writes a batch in one transaction and returns the first record's sequence number. */
    interface BatchWriter {
        long write(List<Pending> batch) throws Exception;
    }

    private static final Pending STOP = new Pending(null, null, null, null, null);

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final BatchWriter sink;
    private final GroupCommitSettings settings;
    private final Thread writer;
    private boolean closed;

    GroupCommit(BatchWriter sink, GroupCommitSettings settings, String name) {
        this.sink = sink;
        this.settings = settings;
        this.writer = new Thread(this::run, name);
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public CompletableFuture<Long> submit(Pending pending) {
        synchronized (this) {
            if (!closed) {
                queue.add(pending);
                return pending.done();
            }
        }
        pending.done().completeExceptionally(new AuditUnavailableException("the audit log is closed", null));
        return pending.done();
    }

    /** Writes everything queued so far, then stops the writer. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        boolean stopping = false;
        while (!stopping) {
            List<Pending> batch = new ArrayList<>();
            try {
                stopping = collect(batch);
            } catch (InterruptedException e) {
                stopping = true;
            }
            if (!batch.isEmpty()) {
                write(batch);
            }
        }
    }

    /** Fills the batch; true when the store is closing and nothing can follow. */
    private boolean collect(List<Pending> batch) throws InterruptedException {
        Pending next = queue.take();
        long deadline = System.nanoTime() + settings.lingerMicros() * 1000;
        while (next != STOP) {
            batch.add(next);
            if (batch.size() >= settings.maxBatch()) {
                return false;
            }
            next = queue.poll();
            if (next == null) {
                long wait = deadline - System.nanoTime();
                next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : null;
                if (next == null) {
                    return false;
                }
            }
        }
        return true;
    }

    private void write(List<Pending> batch) {
        long first;
        try {
            first = sink.write(batch);
        } catch (Throwable e) {
            AuditUnavailableException failure = new AuditUnavailableException(
                    "the audit log's database is unavailable: " + batch.size()
                            + " record(s) not written, the exchange must not go on unaudited", e);
            for (Pending p : batch) {
                p.done().completeExceptionally(failure);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(first + i);
        }
    }
}
