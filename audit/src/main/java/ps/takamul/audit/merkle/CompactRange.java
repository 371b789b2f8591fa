package ps.takamul.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The leaves [0, size) of an RFC 9162 tree, folded into the roots of its perfect subtrees: one
 * hash per one-bit of {@code size}, largest subtree first. That is all it takes to keep appending
 * leaves and to know the tree's root at every size on the way, so a verifier can stream a million
 * records through it in constant memory, and an archive segment that starts at record
 * {@code from} needs only the range of [0, from) to compute roots over the whole log.
 *
 * <p>Not thread-safe: one reader feeds it.
 */
public final class CompactRange {
    private final List<byte[]> hashes;
    private final MerkleHasher hasher = new MerkleHasher();
    private long size;

    /** The range of an empty tree. */
    public CompactRange() {
        this.hashes = new ArrayList<>();
    }

    private CompactRange(long size, List<byte[]> hashes) {
        this.size = size;
        this.hashes = new ArrayList<>(hashes);
    }

    /**
     * The range of the first {@code size} leaves, given the hashes of its perfect subtrees largest
     * first, as {@link #hashes()} gives them.
     *
     * @throws IllegalArgumentException unless there is exactly one 32-byte hash per one-bit of {@code size}
     */
    public static CompactRange of(long size, List<byte[]> hashes) {
        if (size < 0) {
            throw new IllegalArgumentException("a tree of " + size + " leaves");
        }
        if (hashes.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("the compact range of " + size + " leaves has " + Long.bitCount(size)
                    + " hashes, not " + hashes.size());
        }
        for (byte[] hash : hashes) {
            if (hash == null || hash.length != MerkleHash.LENGTH) {
                throw new IllegalArgumentException("a subtree hash is " + MerkleHash.LENGTH + " bytes");
            }
        }
        return new CompactRange(size, hashes);
    }

    /** The range of a log's first {@code size} leaves, from its tree (which caches the big subtrees). */
    public static CompactRange of(MerkleTree tree, long size) {
        return new CompactRange(size, tree.compactRange(size));
    }

    /** Adds the next leaf, by its leaf hash ({@link MerkleHash#leaf}). */
    public void append(byte[] leafHash) {
        hashes.add(leafHash);
        size++;
        // Each trailing zero bit of the new size is a pair of equal subtrees that now merge.
        for (long s = size; (s & 1) == 0; s >>>= 1) {
            byte[] right = hashes.remove(hashes.size() - 1);
            byte[] left = hashes.remove(hashes.size() - 1);
            hashes.add(hasher.node(left, right));
        }
    }

    /** How many leaves are folded in. */
    public long size() {
        return size;
    }

    /** MTH of the leaves so far: the subtrees folded from the right, as RFC 9162 splits a tree. */
    public byte[] root() {
        if (hashes.isEmpty()) {
            return MerkleHash.empty();
        }
        byte[] root = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = hasher.node(hashes.get(i), root);
        }
        return root;
    }

    /** The perfect subtrees' hashes, largest (leftmost) first. */
    public List<byte[]> hashes() {
        return List.copyOf(hashes);
    }

    /** An independent copy, to carry on from the same point. */
    public CompactRange copy() {
        return new CompactRange(size, hashes);
    }

    /** Whether both cover the same number of leaves with the same subtree hashes (hence the same leaves). */
    public boolean sameAs(CompactRange other) {
        if (size != other.size) {
            return false;
        }
        for (int i = 0; i < hashes.size(); i++) {
            if (!java.security.MessageDigest.isEqual(hashes.get(i), other.hashes.get(i))) {
                return false;
            }
        }
        return true;
    }
}
