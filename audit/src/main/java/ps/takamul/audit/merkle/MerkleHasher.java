package ps.takamul.audit.merkle;

import java.security.MessageDigest;

/**
 * {@link MerkleHash}'s hashes with one digest kept for reuse, and a leaf hashed in pieces as it is
 * read: what a verifier streaming a million records wants, where looking up a new digest for
 * every hash costs as much as the hashing. Not thread-safe: one per reader.
 */
public final class MerkleHasher {
    private final MessageDigest digest = MerkleHash.sha256();

    public byte[] leaf(byte[] entry) {
        digest.update(MerkleHash.LEAF_PREFIX);
        return digest.digest(entry);
    }

    public byte[] node(byte[] left, byte[] right) {
        digest.update(MerkleHash.NODE_PREFIX);
        digest.update(left);
        return digest.digest(right);
    }

    /** Starts a leaf whose entry comes in pieces ({@link #update}), ended by {@link #finishLeaf}. */
    public void startLeaf() {
        digest.reset();
        digest.update(MerkleHash.LEAF_PREFIX);
    }

    public void update(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
    }

    public byte[] finishLeaf() {
        return digest.digest();
    }
}
