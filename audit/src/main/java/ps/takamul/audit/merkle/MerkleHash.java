package ps.takamul.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashes of RFC 9162 (Certificate Transparency 2.0), section 2.1.1, with SHA-256. Leaves and
 * interior nodes are hashed with different one-byte prefixes, so no leaf can pass for a subtree
 * (the second-preimage attack on plain Merkle trees).
 */
public final class MerkleHash {
    public static final int LENGTH = 32;
    static final byte LEAF_PREFIX = 0x00;
    static final byte NODE_PREFIX = 0x01;

    private MerkleHash() {
    }

    /** The hash of an empty tree: SHA-256 of nothing. */
    public static byte[] empty() {
        return sha256().digest();
    }

    public static byte[] leaf(byte[] entry) {
        MessageDigest d = sha256();
        d.update(LEAF_PREFIX);
        return d.digest(entry);
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest d = sha256();
        d.update(NODE_PREFIX);
        d.update(left);
        return d.digest(right);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
