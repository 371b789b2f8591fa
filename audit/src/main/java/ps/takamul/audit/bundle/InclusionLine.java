package ps.takamul.audit.bundle;

import java.util.Base64;
import java.util.List;

/**
 * One line of an evidence bundle's proofs.jsonl: the RFC 9162 inclusion proof of one record in the
 * tree a checkpoint signs.
 *
 * @param seq      the record's sequence number (its leaf index)
 * @param treeSize the checkpoint's tree size
 * @param path     the proof's hashes, from the leaf up, base64
 */
public record InclusionLine(long seq, long treeSize, List<String> path) {

    public static InclusionLine of(long seq, long treeSize, List<byte[]> proof) {
        return new InclusionLine(seq, treeSize, proof.stream().map(Base64.getEncoder()::encodeToString).toList());
    }

    public List<byte[]> proof() {
        return (path == null ? List.<String>of() : path).stream().map(Base64.getDecoder()::decode).toList();
    }
}
