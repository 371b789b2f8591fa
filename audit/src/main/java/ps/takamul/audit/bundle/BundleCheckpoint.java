package ps.takamul.audit.bundle;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import ps.takamul.audit.checkpoint.CheckpointNote;
import ps.takamul.audit.store.Checkpoint;

/**
 * One line of checkpoints.jsonl: a checkpoint as signed, in base64. A checkpoint past a bundle's
 * last record carries the RFC 9162 consistency proof from the bundle's end to it, so the bundle's
 * last records are covered by a signature without the records that came after them.
 *
 * @param size        the tree size
 * @param root        the root hash
 * @param time        the checkpoint's time, as in its note
 * @param signature   the signature over the note; absent if unsigned
 * @param timestamp   the RFC 3161 token over SHA-256(signature); absent if not timestamped
 * @param consistency the proof from the tree of {@code Manifest.to} records to this one; only past the bundle's end
 */
public record BundleCheckpoint(long size, String root, String time, String signature, String timestamp,
                               List<String> consistency) {

    public static BundleCheckpoint of(Checkpoint checkpoint, List<byte[]> consistency) {
        Base64.Encoder b64 = Base64.getEncoder();
        return new BundleCheckpoint(checkpoint.treeSize(), b64.encodeToString(checkpoint.rootHash()),
                CheckpointNote.time(checkpoint.at()),
                checkpoint.signature().length == 0 ? null : b64.encodeToString(checkpoint.signature()),
                checkpoint.timestampToken().length == 0 ? null : b64.encodeToString(checkpoint.timestampToken()),
                consistency == null ? null : consistency.stream().map(b64::encodeToString).toList());
    }

    /** Back to a checkpoint; throws IllegalArgumentException or DateTimeParseException on bad fields. */
    public Checkpoint checkpoint() {
        Base64.Decoder b64 = Base64.getDecoder();
        return new Checkpoint(size, b64.decode(root), Instant.parse(time),
                signature == null ? null : b64.decode(signature), timestamp == null ? null : b64.decode(timestamp));
    }

    public List<byte[]> consistencyProof() {
        return consistency == null ? null : consistency.stream().map(Base64.getDecoder()::decode).toList();
    }
}
