package ps.takamul.audit.store;

import java.util.concurrent.CompletableFuture;

/** How a store makes records durable: straight into the database in groups, or into the embedded store's journal. */
interface Appender extends AutoCloseable {
    /** Completes with the record's sequence number once it is durable, exceptionally if it cannot be. */
    CompletableFuture<Long> submit(Pending pending);

    /** Refuses new records and waits for those submitted to complete. */
    @Override
    void close();
}
