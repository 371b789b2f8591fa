package ps.takamul.audit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import ps.takamul.audit.merkle.MerkleHash;
import ps.takamul.audit.merkle.MerkleTree;

class StoreLeavesTest {
    /** The "database": the leaf hashes of records 0..n, and the blocks read from it. */
    private final List<byte[]> stored = new ArrayList<>();
    private final List<Long> reads = new ArrayList<>();
    private final AtomicLong size = new AtomicLong();
    private final StoreLeaves leaves = new StoreLeaves(size::get, (from, count) -> {
        reads.add(from);
        int end = (int) Math.min(from + count, stored.size());
        return stored.subList((int) from, end).toArray(new byte[0][]);
    });

    private static byte[] leaf(long seq) {
        return MerkleHash.leaf(("record " + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** Commits records up to {@code n}, as the store does: in the database, size grown. */
    private void commit(long n) {
        while (stored.size() < n) {
            stored.add(leaf(stored.size()));
        }
        size.set(n);
    }

    @Test
    void aCheckpointOverAppendedRecordsReadsNothingBack() {
        commit(3000);
        for (long seq = 0; seq < 3000; seq++) {
            leaves.appended(seq, leaf(seq));
        }

        byte[] root = new MerkleTree(leaves).root(3000);

        assertThat(reads).isEmpty();
        StoreLeaves fromStore = new StoreLeaves(size::get, (from, count) ->
                stored.subList((int) from, (int) Math.min(from + count, stored.size())).toArray(new byte[0][]));
        assertThat(root).isEqualTo(new MerkleTree(fromStore).root(3000));
    }

    @Test
    void leavesNotHandedOverAreReadFromTheStoreABlockAtATime() {
        commit(StoreLeaves.BLOCK + 10);
        leaves.appended(StoreLeaves.BLOCK + 5, leaf(StoreLeaves.BLOCK + 5));

        assertThat(leaves.leafHash(StoreLeaves.BLOCK + 5)).isEqualTo(leaf(StoreLeaves.BLOCK + 5));
        assertThat(reads).isEmpty();
        assertThat(leaves.leafHash(StoreLeaves.BLOCK + 6)).isEqualTo(leaf(StoreLeaves.BLOCK + 6));
        assertThat(leaves.leafHash(7)).isEqualTo(leaf(7));
        assertThat(leaves.leafHash(8)).isEqualTo(leaf(8));
        assertThat(reads).containsExactly((long) StoreLeaves.BLOCK, 0L);
    }

    @Test
    void aBlockReadBeforeTheLogGrewIsReadAgainForItsNewLeaves() {
        commit(10);
        assertThat(leaves.leafHash(9)).isEqualTo(leaf(9));
        commit(20);

        assertThat(leaves.leafHash(15)).isEqualTo(leaf(15));
        assertThat(reads).containsExactly(0L, 0L);
    }

    @Test
    void callersGetCopiesAndLeavesBeyondTheLogDoNotExist() {
        commit(1);
        leaves.appended(0, leaf(0));
        leaves.leafHash(0)[0] ^= 1;

        assertThat(leaves.leafHash(0)).isEqualTo(leaf(0));
        assertThatThrownBy(() -> leaves.leafHash(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
