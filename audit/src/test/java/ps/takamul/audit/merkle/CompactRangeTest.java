package ps.takamul.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming root against the tree's, at every size, from the start and from a prefix. */
class CompactRangeTest {

    @Test
    void rootsMatchTheTreeAtEverySize() {
        MerkleTreeTest.ListLeaves leaves = MerkleTreeTest.numbered(300);
        MerkleTree tree = new MerkleTree(leaves);
        CompactRange range = new CompactRange();
        assertThat(range.root()).isEqualTo(tree.root(0));
        for (int i = 0; i < 300; i++) {
            range.append(leaves.leafHash(i));
            assertThat(range.size()).isEqualTo(i + 1);
            assertThat(range.root()).as("root of %d leaves", i + 1).isEqualTo(tree.root(i + 1));
            assertThat(range.hashes()).hasSize(Long.bitCount(i + 1));
        }
    }

    @Test
    void aPrefixFromTheTreeCarriesOnAsIfItHadSeenEveryLeaf() {
        MerkleTreeTest.ListLeaves leaves = MerkleTreeTest.numbered(200);
        MerkleTree tree = new MerkleTree(leaves);
        for (int from : new int[] {0, 1, 63, 64, 65, 127, 150}) {
            CompactRange range = CompactRange.of(tree, from);
            assertThat(range.root()).isEqualTo(tree.root(from));
            CompactRange streamed = new CompactRange();
            for (int i = 0; i < from; i++) {
                streamed.append(leaves.leafHash(i));
            }
            assertThat(range.sameAs(streamed)).isTrue();
            for (int i = from; i < 200; i++) {
                range.append(leaves.leafHash(i));
            }
            assertThat(range.root()).isEqualTo(tree.root(200));
        }
    }

    @Test
    void aRangeWithTheWrongNumberOfHashesIsRefused() {
        byte[] h = MerkleHash.leaf(new byte[] {1});
        assertThatThrownBy(() -> CompactRange.of(6, List.of(h))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6 leaves has 2 hashes, not 1");
        assertThatThrownBy(() -> CompactRange.of(1, List.of(new byte[] {1}))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCopyGoesItsOwnWay() {
        CompactRange a = new CompactRange();
        a.append(MerkleHash.leaf(new byte[] {1}));
        CompactRange b = a.copy();
        b.append(MerkleHash.leaf(new byte[] {2}));
        assertThat(a.size()).isEqualTo(1);
        assertThat(a.sameAs(b)).isFalse();
        assertThat(b.size()).isEqualTo(2);
    }
}
