package ps.takamul.audit.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongSupplier;
import ps.takamul.audit.merkle.LeafHashes;

/**
 * The store's leaf hashes as the tree sees them, a block at a time. A committed leaf never
 * changes, so a hash once known can be kept. The hashes of new records are handed over as they
 * become durable, before the log's size covers them ({@link #appended}, from the store's
 * {@link Durable}): a checkpoint then hashes the records since the last one
 * without reading them back from the database, and, in the embedded store, without making the
 * indexer write its batch early. Anything not handed over (older records, proofs for auditors)
 * is read from the store a block at a time.
 */
final class StoreLeaves implements LeafHashes {
    static final int BLOCK = 1024;
    /** About 32 MB of hashes at most; past that the cache starts over, the tree keeps its own. */
    private static final int MAX_BLOCKS = 1024;

    /** Reads the leaf hashes of [from, from + count), fewer if the log is shorter. */
    interface BlockReader {
        byte[][] read(long from, int count);
    }

    private final LongSupplier size;
    private final BlockReader reader;
    /** By block; a null element is a hash not known yet (not handed over, or not read). */
    private final Map<Long, AtomicReferenceArray<byte[]>> blocks = new ConcurrentHashMap<>();

    StoreLeaves(LongSupplier size, BlockReader reader) {
        this.size = size;
        this.reader = reader;
    }

    @Override
    public long size() {
        return size.getAsLong();
    }

    @Override
    public byte[] leafHash(long index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("no leaf " + index + " in a log of " + size());
        }
        long block = index / BLOCK;
        int offset = (int) (index % BLOCK);
        AtomicReferenceArray<byte[]> known = blocks.get(block);
        byte[] hash = known == null ? null : known.get(offset);
        if (hash == null) {
            byte[][] read = reader.read(block * BLOCK, BLOCK);
            if (offset >= read.length) {
                throw new IllegalStateException("leaf " + index + " is committed but was not read back");
            }
            known = block(block);
            for (int i = 0; i < read.length; i++) {
                known.compareAndSet(i, null, read[i]);
            }
            hash = known.get(offset);
        }
        return hash.clone();
    }

    /**
     * The leaf hash of record {@code seq}, now durable: the same bytes the store holds, so a
     * checkpoint may use them instead of reading them back.
     */
    void appended(long seq, byte[] leafHash) {
        block(seq / BLOCK).set((int) (seq % BLOCK), leafHash);
    }

    private AtomicReferenceArray<byte[]> block(long block) {
        AtomicReferenceArray<byte[]> known = blocks.get(block);
        if (known == null) {
            if (blocks.size() >= MAX_BLOCKS) {
                blocks.clear();
            }
            known = blocks.computeIfAbsent(block, b -> new AtomicReferenceArray<>(BLOCK));
        }
        return known;
    }
}
