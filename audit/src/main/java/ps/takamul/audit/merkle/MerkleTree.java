package ps.takamul.audit.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Root hashes, inclusion proofs and consistency proofs over an append-only log's leaves, as
 * RFC 9162 section 2.1 defines them (MTH, PATH and PROOF). Works for any tree size up to the
 * log's current size, so a checkpoint of an older size can still be proved.
 *
 * <p>Complete subtrees never change once their leaves exist, so those of {@value #CACHED_LEVEL}
 * levels and more (64 leaves and up) are remembered: after the first root, a root or a proof
 * costs a few dozen hashes, not a pass over the log. About two hashes per 64 leaves are kept.
 * Thread-safe: the log only grows, and a cached subtree is the same whoever computed it.
 */
public final class MerkleTree {
    static final int CACHED_LEVEL = 6;

    private final LeafHashes leaves;
    /** Key: the subtree's level in the top byte, its index at that level below. */
    private final Map<Long, byte[]> completeSubtrees = new ConcurrentHashMap<>();

    public MerkleTree(LeafHashes leaves) {
        this.leaves = leaves;
    }

    /** MTH(D[0:size]): the root hash of the tree of the first {@code size} leaves. */
    public byte[] root(long size) {
        checkSize(size);
        return size == 0 ? MerkleHash.empty() : hash(0, size);
    }

    /** PATH(index, D[0:size]): the hashes that lead from leaf {@code index} to the root of that tree. */
    public List<byte[]> inclusionProof(long index, long size) {
        checkSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, proof);
        return proof;
    }

    /** PROOF(first, D[0:second]): the hashes that show the tree of {@code second} leaves extends that of {@code first}. */
    public List<byte[]> consistencyProof(long first, long second) {
        checkSize(second);
        if (first < 1 || first > second) {
            throw new IllegalArgumentException("no consistency proof from size " + first + " to size " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first < second) {
            subproof(first, 0, second, true, proof);
        }
        return proof;
    }

    /**
     * The roots of the perfect subtrees that make up the first {@code size} leaves, largest first:
     * what {@link CompactRange} starts from, so a bundle that begins at record {@code size} can
     * still compute roots over the whole log.
     */
    public List<byte[]> compactRange(long size) {
        checkSize(size);
        List<byte[]> hashes = new ArrayList<>();
        long start = 0;
        for (long bit = Long.highestOneBit(size); bit > 0; bit >>>= 1) {
            if ((size & bit) != 0) {
                hashes.add(hash(start, bit));
                start += bit;
            }
        }
        return hashes;
    }

    private void path(long index, long start, long count, List<byte[]> proof) {
        if (count == 1) {
            return;
        }
        long k = splitOf(count);
        if (index < k) {
            path(index, start, k, proof);
            proof.add(hash(start + k, count - k));
        } else {
            path(index - k, start + k, count - k, proof);
            proof.add(hash(start, k));
        }
    }

    private void subproof(long m, long start, long count, boolean whole, List<byte[]> proof) {
        if (m == count) {
            if (!whole) {
                proof.add(hash(start, count));
            }
            return;
        }
        long k = splitOf(count);
        if (m <= k) {
            subproof(m, start, k, whole, proof);
            proof.add(hash(start + k, count - k));
        } else {
            subproof(m - k, start + k, count - k, false, proof);
            proof.add(hash(start, k));
        }
    }

    /** MTH of the leaves [start, start + count). Every complete subtree met on the way is aligned. */
    private byte[] hash(long start, long count) {
        if (count == 1) {
            return leaves.leafHash(start);
        }
        if (Long.bitCount(count) == 1) {
            return complete(start, count);
        }
        long k = splitOf(count);
        return MerkleHash.node(hash(start, k), hash(start + k, count - k));
    }

    private byte[] complete(long start, long count) {
        int level = Long.numberOfTrailingZeros(count);
        if (level < CACHED_LEVEL) {
            long half = count / 2;
            return MerkleHash.node(hash(start, half), hash(start + half, half));
        }
        long key = ((long) level << 56) | (start >>> level);
        byte[] known = completeSubtrees.get(key);
        if (known == null) {
            long half = count / 2;
            known = MerkleHash.node(hash(start, half), hash(start + half, half));
            completeSubtrees.put(key, known);
        }
        return known;
    }

    /** The largest power of two smaller than {@code n} (n > 1): where RFC 9162 splits a tree. */
    static long splitOf(long n) {
        return Long.highestOneBit(n - 1);
    }

    private void checkSize(long size) {
        if (size < 0 || size > leaves.size()) {
            throw new IllegalArgumentException("tree size " + size + " is not between 0 and the log's " + leaves.size());
        }
    }
}
