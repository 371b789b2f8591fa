package ps.takamul.audit.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The one writer thread: it takes what appenders have queued, writes it as one transaction and
 * completes their futures, so many appends share one durable flush. A single writer also makes
 * sequence numbers simple: they are handed out inside the transaction, in queue order.
 */
final class GroupCommit implements AutoCloseable {
    /** Writes a batch in one transaction and returns the first record's sequence number. */
    interface BatchWriter {
        long write(List<Pending> batch) throws Exception;
    }

    /**
     * Writes a batch in one transaction without waiting for it: the stage completes with the first
     * record's sequence number once the batch is durable. Batches complete in the order written,
     * so the writer can gather the next one while the last is being synced.
     */
    interface PipelinedWriter {
        CompletionStage<Long> write(List<Pending> batch);
    }

    private static final Pending STOP = new Pending(null, null, null, null, null);

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final PipelinedWriter sink;
    /** The last batch handed to the sink: once it completes, all have (they complete in order). */
    private volatile CompletableFuture<Long> last = CompletableFuture.completedFuture(0L);
    private final GroupCommitSettings settings;
    private final Thread writer;
    private boolean closed;

    GroupCommit(BatchWriter sink, GroupCommitSettings settings, String name) {
        this((PipelinedWriter) batch -> {
            try {
                return CompletableFuture.completedFuture(sink.write(batch));
            } catch (Throwable e) {
                return CompletableFuture.failedFuture(e);
            }
        }, settings, name);
    }

    GroupCommit(PipelinedWriter sink, GroupCommitSettings settings, String name) {
        this.sink = sink;
        this.settings = settings;
        this.writer = new Thread(this::run, name);
        writer.setDaemon(true);
        writer.start();
    }

    CompletableFuture<Long> submit(Pending pending) {
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
            last.handle((first, failure) -> first).join();
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
        CompletionStage<Long> written;
        try {
            written = sink.write(batch);
        } catch (Throwable e) {
            written = CompletableFuture.failedFuture(e);
        }
        last = written.toCompletableFuture().whenComplete((first, thrown) -> {
            if (thrown != null) {
                Throwable e = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
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
        });
    }
}
