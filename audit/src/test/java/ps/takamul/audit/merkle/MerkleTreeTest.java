package ps.takamul.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 9162's tree against known roots and a plain reference of its MTH definition, and every
 * inclusion and consistency proof up to past the cached level, each checked by the verifier and
 * each broken copy refused.
 */
class MerkleTreeTest {
    /** The eight leaves of Certificate Transparency's reference tests, and the roots of their prefixes. */
    static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    static final String[] ROOTS = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};
    static final HexFormat HEX = HexFormat.of();

    static final class ListLeaves implements LeafHashes {
        final List<byte[]> hashes = new ArrayList<>();

        ListLeaves add(byte[] entry) {
            hashes.add(MerkleHash.leaf(entry));
            return this;
        }

        @Override
        public long size() {
            return hashes.size();
        }

        @Override
        public byte[] leafHash(long index) {
            return hashes.get((int) index);
        }
    }

    static ListLeaves numbered(int n) {
        ListLeaves leaves = new ListLeaves();
        for (int i = 0; i < n; i++) {
            leaves.add(("record-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return leaves;
    }

    /** MTH exactly as RFC 9162 writes it, with no cache and no cleverness. */
    static byte[] reference(List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (n == 0) {
            return MerkleHash.empty();
        }
        if (n == 1) {
            return leafHashes.get(0);
        }
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return MerkleHash.node(reference(leafHashes.subList(0, k)), reference(leafHashes.subList(k, n)));
    }

    @Test
    void rootsMatchCertificateTransparencysKnownAnswers() {
        ListLeaves leaves = new ListLeaves();
        for (String leaf : LEAVES) {
            leaves.add(HEX.parseHex(leaf));
        }
        MerkleTree tree = new MerkleTree(leaves);
        assertThat(HEX.formatHex(tree.root(0))).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        for (int size = 1; size <= 8; size++) {
            assertThat(HEX.formatHex(tree.root(size))).as("size %d", size).isEqualTo(ROOTS[size - 1]);
        }
    }

    @Test
    void rootsMatchTheDefinitionWellPastTheCachedSubtrees() {
        ListLeaves leaves = numbered(300);
        MerkleTree tree = new MerkleTree(leaves);
        for (int size = 0; size <= 300; size++) {
            assertThat(tree.root(size)).as("size %d", size).isEqualTo(reference(leaves.hashes.subList(0, size)));
        }
    }

    @Test
    void everyInclusionProofVerifiesAndNoBrokenOneDoes() {
        ListLeaves leaves = numbered(70);
        MerkleTree tree = new MerkleTree(leaves);
        for (int size = 1; size <= 70; size++) {
            byte[] root = tree.root(size);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = tree.inclusionProof(index, size);
                byte[] leaf = leaves.leafHash(index);
                assertThat(MerkleProofs.verifyInclusion(index, size, leaf, proof, root)).as("%d in %d", index, size).isTrue();
                assertThat(MerkleProofs.verifyInclusion(index, size, leaves.leafHash((index + 1) % 70), proof, root))
                        .as("another leaf").isFalse();
                if (!proof.isEmpty()) {
                    List<byte[]> flipped = new ArrayList<>(proof);
                    byte[] changed = flipped.get(0).clone();
                    changed[5] ^= 1;
                    flipped.set(0, changed);
                    assertThat(MerkleProofs.verifyInclusion(index, size, leaf, flipped, root)).as("changed proof").isFalse();
                    assertThat(MerkleProofs.verifyInclusion(index, size, leaf, proof.subList(0, proof.size() - 1), root))
                            .as("truncated proof").isFalse();
                    if (size > 1) {
                        int other = index == 0 ? 1 : index - 1;
                        assertThat(MerkleProofs.verifyInclusion(other, size, leaf, proof, root) && other != index)
                                .as("the leaf at another position").isFalse();
                    }
                }
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndWrongRootsDoNot() {
        ListLeaves leaves = numbered(70);
        MerkleTree tree = new MerkleTree(leaves);
        for (int second = 1; second <= 70; second++) {
            byte[] secondRoot = tree.root(second);
            for (int first = 1; first <= second; first++) {
                byte[] firstRoot = tree.root(first);
                List<byte[]> proof = tree.consistencyProof(first, second);
                assertThat(MerkleProofs.verifyConsistency(first, second, firstRoot, secondRoot, proof))
                        .as("%d to %d", first, second).isTrue();
                if (first < second) {
                    assertThat(MerkleProofs.verifyConsistency(first, second, tree.root(first - 1 == 0 ? 2 : first - 1),
                            secondRoot, proof)).as("another old root").isFalse();
                    assertThat(MerkleProofs.verifyConsistency(first, second, firstRoot, firstRoot, proof))
                            .as("another new root").isFalse();
                }
            }
        }
    }

    @Test
    void aRewrittenHistoryFailsTheConsistencyProofOfTheOldCheckpoint() {
        ListLeaves honest = numbered(40);
        byte[] checkpointRoot = new MerkleTree(honest).root(25);
        ListLeaves rewritten = numbered(40);
        rewritten.hashes.set(10, MerkleHash.leaf("record-10, amended".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        MerkleTree forged = new MerkleTree(rewritten);
        assertThat(MerkleProofs.verifyConsistency(25, 40, checkpointRoot, forged.root(40), forged.consistencyProof(25, 40)))
                .isFalse();
    }
}
