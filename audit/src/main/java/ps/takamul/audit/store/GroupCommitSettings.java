package ps.takamul.audit.store;

/**
 * How appends are grouped into one transaction: the writer takes what has queued, up to
 * {@code maxBatch} records, and waits at most {@code lingerMicros} after the first for more.
 * Under load the queue fills while the previous commit is flushing, so batches grow by
 * themselves; the linger only helps when appenders are few.
 */
public record GroupCommitSettings(int maxBatch, long lingerMicros) {
    public static final GroupCommitSettings DEFAULT = new GroupCommitSettings(500, 100);

    public GroupCommitSettings {
        if (maxBatch < 1 || lingerMicros < 0) {
            throw new IllegalArgumentException("a batch holds at least one record and lingers no negative time");
        }
    }
}
