package ps.takamul.audit.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.audit.checkpoint.TestAuthorities;
import ps.takamul.audit.merkle.CompactRange;
import ps.takamul.audit.merkle.MerkleProofs;
import ps.takamul.audit.store.ArchiveSegment;
import ps.takamul.audit.store.StoredRecord;

/** What an export holds, entry by entry, against the store it came from. */
class ExporterTest {
    @TempDir
    static Path dir;
    static TestLog log;

    @BeforeAll
    static void aLog() {
        log = TestLog.create(dir, TestAuthorities.create(dir)).append(0, 1100, 400);
    }

    @AfterAll
    static void close() {
        log.close();
    }

    static List<String> lines(byte[] content) {
        return new String(content, StandardCharsets.UTF_8).lines().toList();
    }

    static <T> T json(byte[] content, Class<T> type) {
        try {
            return BundleFormat.JSON.readValue(content, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aSegmentHoldsTheStoredBytesTheStoredLeavesAndWhatProvesThem() {
        Map<String, byte[]> zip = Zips.entries(log.export(300, 700));
        assertThat(zip.keySet()).containsExactly("manifest.json", "prefix.json", "records.jsonl", "index.csv",
                "checkpoints.jsonl", "certificates/checkpoint-chain.pem", "certificates/tsa-chain.pem");

        Manifest manifest = json(zip.get("manifest.json"), Manifest.class);
        assertThat(manifest.format()).isEqualTo("takamul-audit-bundle/1");
        assertThat(manifest.kindValue()).isEqualTo(BundleFormat.Kind.EXPORT);
        assertThat(List.of(manifest.origin(), manifest.from(), manifest.to(), manifest.records()))
                .containsExactly("test-node", 300L, 700L, 400L);

        List<StoredRecord> stored = log.log.store().read(300, 700);
        byte[] records = zip.get("records.jsonl");
        List<byte[]> expected = new ArrayList<>();
        stored.forEach(r -> expected.add(r.canonical()));
        int at = 0;
        for (byte[] record : expected) {
            assertThat(java.util.Arrays.copyOfRange(records, at, at + record.length)).isEqualTo(record);
            assertThat(records[at + record.length]).isEqualTo((byte) '\n');
            at += record.length + 1;
        }
        assertThat(at).isEqualTo(records.length);

        List<String> index = lines(zip.get("index.csv"));
        assertThat(index).hasSize(400);
        assertThat(index.get(0)).isEqualTo("300," + Base64.getEncoder().encodeToString(log.log.store().leaves().leafHash(300)));

        CompactRange prefix = json(zip.get("prefix.json"), Prefix.class).range();
        assertThat(prefix.size()).isEqualTo(300);
        assertThat(prefix.root()).isEqualTo(log.log.tree().root(300));

        List<BundleCheckpoint> checkpoints = lines(zip.get("checkpoints.jsonl")).stream()
                .map(l -> json(l.getBytes(StandardCharsets.UTF_8), BundleCheckpoint.class)).toList();
        assertThat(checkpoints).extracting(BundleCheckpoint::size).containsExactly(400L, 800L);
        assertThat(checkpoints.get(0).consistency()).isNull();
        BundleCheckpoint past = checkpoints.get(1);
        assertThat(MerkleProofs.verifyConsistency(700, 800, log.log.tree().root(700), past.checkpoint().rootHash(),
                past.consistencyProof())).isTrue();
        assertThat(past.checkpoint().signature()).isNotEmpty();
        assertThat(past.checkpoint().timestampToken()).isNotEmpty();
    }

    @Test
    void archivedRecordsAreNotExportedFromTheDatabase(@TempDir Path other) {
        try (TestLog sealed = TestLog.create(other, TestAuthorities.create(other)).append(0, 300, 100)) {
            sealed.log.store().sealSegment(new ArchiveSegment(0, 200, "segment-0.zip", "00".repeat(32), Instant.now()));
            assertThatThrownBy(() -> sealed.export(150, 250)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("records [150, 250) are not all in the database: archive segment segment-0.zip");
            assertThat(Zips.entries(sealed.export(200, 300))).containsKey("records.jsonl");
        }
    }

    @Test
    void aRangeOutsideTheLogIsRefused() {
        assertThatThrownBy(() -> log.export(0, 1101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("records [0, 1101) are not within the log's 1100");
        assertThatThrownBy(() -> log.export(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
