package ps.takamul.audit.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A statement over the log's first {@code treeSize} records. The store keeps the signature and the
 * time-stamp token as given; checking them is the verifier's business, not the store's.
 *
 * @param treeSize       how many records the root covers
 * @param rootHash       MTH of those records
 * @param at             when the checkpoint was made
 * @param signature      the node's signature over it, or an empty array
 * @param timestampToken the RFC 3161 token over it, or an empty array
 */
public record Checkpoint(long treeSize, byte[] rootHash, Instant at, byte[] signature, byte[] timestampToken) {
    public Checkpoint {
        Objects.requireNonNull(rootHash, "rootHash");
        Objects.requireNonNull(at, "at");
        signature = signature == null ? new byte[0] : signature;
        timestampToken = timestampToken == null ? new byte[0] : timestampToken;
    }
}
