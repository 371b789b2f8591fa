package ps.takamul.audit.checkpoint;

import java.time.Duration;

/**
 * When the log makes a checkpoint: after {@code records} new records, or {@code interval} after
 * the last one if any record came since, whichever is first. A smaller interval bounds how long
 * a record stays without a signed root over it; each checkpoint costs a signature and a
 * time-stamp request.
 */
public record CheckpointPolicy(long records, Duration interval) {
    public CheckpointPolicy {
        if (records < 1) {
            throw new IllegalArgumentException("a checkpoint every " + records + " records");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("a checkpoint interval must be positive, not " + interval);
        }
    }
}
