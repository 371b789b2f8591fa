package ps.takamul.audit.store;

/**
 * Hears of each record once it is durable, in sequence order, before its appender does: the
 * store hands its leaf hash to the tree, then grows the log's size, so whatever sees the new size
 * (a checkpoint) finds the hash already there.
 */
@FunctionalInterface
interface Durable {
    void record(long seq, Pending record);
}
