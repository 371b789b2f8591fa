package ps.takamul.audit.checkpoint;

import java.time.Instant;
import ps.takamul.audit.store.Checkpoint;

/**
 * Turns a tree head (size, root, time) into a checkpoint: signs it and has it time-stamped. The
 * log calls it on its own schedule; an implementation that cannot reach its time-stamping
 * authority still signs, and says so in its log, rather than leave the log without checkpoints.
 */
@FunctionalInterface
public interface CheckpointMaker {

    Checkpoint make(long treeSize, byte[] rootHash, Instant at);

    /** Checkpoints with neither signature nor time-stamp: for tests of the log's other parts only. */
    CheckpointMaker UNSIGNED = (size, root, at) -> new Checkpoint(size, root, at, null, null);
}
