package ps.takamul.audit.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import ps.takamul.audit.merkle.LeafHashes;

/**
 * The store's leaf hashes as the tree sees them, read a block at a time. A committed leaf never
 * changes, so a block read once can be kept; a block read before the log grew is simply read again
 * when a later leaf is asked for.
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
    private final Map<Long, byte[][]> blocks = new ConcurrentHashMap<>();

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
        byte[][] hashes = blocks.get(block);
        if (hashes == null || offset >= hashes.length) {
            hashes = reader.read(block * BLOCK, BLOCK);
            if (offset >= hashes.length) {
                throw new IllegalStateException("leaf " + index + " is committed but was not read back");
            }
            if (blocks.size() >= MAX_BLOCKS) {
                blocks.clear();
            }
            blocks.put(block, hashes);
        }
        return hashes[offset].clone();
    }
}
