package ps.takamul.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.audit.bundle.BundleCheckpoint;
import ps.takamul.audit.bundle.BundleFormat;
import ps.takamul.audit.bundle.TestLog;
import ps.takamul.audit.bundle.Zips;
import ps.takamul.audit.checkpoint.CheckpointNote;
import ps.takamul.audit.checkpoint.TestAuthorities;
import ps.takamul.audit.checkpoint.TimestampSources;
import ps.takamul.audit.store.Checkpoint;
import ps.takamul.security.pki.Pem;

/**
 * A real log (H2, 3000 records with Arabic text, a signed and time-stamped checkpoint every 500),
 * exported once; then each way of tampering with the export, and the exact problem the verifier
 * names for it.
 */
class TamperTest {
    static final String SIGNER = "CN=Takamul audit checkpoints test-node,O=Takamul test";
    static final List<String> LATER_ROOTS = List.of(
            "checkpoint at tree size 1500: root does not match records 0..1499",
            "checkpoint at tree size 2000: root does not match records 0..1999",
            "checkpoint at tree size 2500: root does not match records 0..2499",
            "checkpoint at tree size 3000: root does not match records 0..2999");

    @TempDir
    static Path dir;
    static TestAuthorities authorities;
    static TestLog log;
    static byte[] bundle;

    @BeforeAll
    static void exportALog() {
        authorities = TestAuthorities.create(dir);
        log = TestLog.create(dir, authorities).append(0, 3000, 500);
        bundle = log.export(0, 3000);
    }

    @AfterAll
    static void close() {
        log.close();
    }

    static VerificationReport verify(byte[] zip) {
        return verify(zip, List.of());
    }

    static VerificationReport verify(byte[] zip, List<X509Certificate> anchors) {
        try {
            return BundleVerifier.verify(Files.write(Files.createTempFile(dir, "bundle", ".zip"), zip), anchors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static UnaryOperator<byte[]> record(int seq, UnaryOperator<byte[]> change) {
        return Zips.lines(lines -> lines.set(seq, change.apply(lines.get(seq))));
    }

    /** Changes one ASCII byte of the record: the digit of its status 200 becomes 201 or 404 becomes 405. */
    static byte[] oneByte(byte[] record) {
        byte[] changed = record.clone();
        String text = new String(record, StandardCharsets.UTF_8);
        int at = text.indexOf("\"status\":") + "\"status\":".length() + 2;
        int byteAt = text.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
        changed[byteAt]++;
        return changed;
    }

    static UnaryOperator<byte[]> checkpoint(long size, UnaryOperator<BundleCheckpoint> change) {
        return Zips.lines(lines -> {
            for (int i = 0; i < lines.size(); i++) {
                BundleCheckpoint c = read(lines.get(i));
                if (c.size() == size) {
                    lines.set(i, write(change.apply(c)));
                }
            }
        });
    }

    static BundleCheckpoint read(byte[] line) {
        try {
            return BundleFormat.JSON.readValue(line, BundleCheckpoint.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] write(BundleCheckpoint c) {
        try {
            return BundleFormat.JSON.writeValueAsBytes(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BundleCheckpoint signedBy(BundleCheckpoint c, KeyPair key, String timestamp) {
        byte[] signature = CheckpointNote.sign(key.getPrivate(), CheckpointNote.bytes(TestLog.ORIGIN, c.checkpoint()));
        return new BundleCheckpoint(c.size(), c.root(), c.time(), Base64.getEncoder().encodeToString(signature), timestamp,
                c.consistency());
    }

    static BundleCheckpoint checkpointOf(byte[] zip, long size) {
        return Zips.lines(Zips.entry(zip, BundleFormat.CHECKPOINTS)).stream().map(TamperTest::read)
                .filter(c -> c.size() == size).findFirst().orElseThrow();
    }

    @Test
    void theUntouchedExportVerifies() {
        VerificationReport report = verify(bundle);
        assertThat(report.problems()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.records()).isEqualTo(3000);
        assertThat(report.checkpoints()).isEqualTo(6);
        assertThat(report.notes()).contains("checkpoint certificate " + SIGNER
                + " pinned (no trust anchors given): SHA-256 fingerprint "
                + CertificatePaths.fingerprint(authorities.checkpointChain.get(0)));
        assertThat(report.notes()).anyMatch(n -> n.startsWith("TSA certificate CN=")
                && n.contains("pinned (no trust anchors given): SHA-256 fingerprint "));
        assertThat(report.notes()).anyMatch(n -> n.matches(
                "checkpoint at tree size 1500: signed \\S+Z, timestamped \\S+Z by CN=.*"));
        assertThat(report.notTimestamped()).isZero();
    }

    @Test
    void itsChainsLeadToTheAuditorsAnchors() {
        VerificationReport trusted = verify(bundle, authorities.anchors());
        assertThat(trusted.problems()).isEmpty();
        assertThat(trusted.notes()).contains("checkpoint certificate " + SIGNER + " chains to a trust anchor");

        X509Certificate stranger = TestAuthorities.selfSigned("CN=Some Other Root", TestAuthorities.ecKeyPair());
        VerificationReport untrusted = verify(bundle, List.of(stranger));
        assertThat(untrusted.problems()).anyMatch(p -> p.startsWith(
                "certificates/checkpoint-chain.pem: " + SIGNER + " does not chain to a trust anchor at "));
        assertThat(untrusted.problems()).anyMatch(p -> p.startsWith("checkpoint at tree size 500: timestamp signer CN=")
                && p.contains("does not chain to a trust anchor at"));
    }

    @Test
    void oneChangedByteNamesTheRecord() {
        VerificationReport report = verify(Zips.rewrite(bundle, BundleFormat.RECORDS, record(1234, TamperTest::oneByte)));
        assertThat(report.problems()).containsExactly(
                "record 1234 (records.jsonl line 1235) changed: its leaf hash does not match index.csv",
                LATER_ROOTS.get(0), LATER_ROOTS.get(1), LATER_ROOTS.get(2), LATER_ROOTS.get(3));
    }

    @Test
    void aDeletedRecordIsMissing() {
        VerificationReport report = verify(Zips.rewrite(bundle, BundleFormat.RECORDS, Zips.lines(l -> l.remove(1234))));
        assertThat(report.problems()).containsExactly(
                "record 1234 missing (records.jsonl jumps from 1233 to 1235)",
                LATER_ROOTS.get(0), LATER_ROOTS.get(1), LATER_ROOTS.get(2),
                "checkpoint at tree size 3000: root not checked, the tree from records.jsonl ends at size 2999");
    }

    @Test
    void swappedRecordsAreOutOfOrder() {
        VerificationReport report = verify(Zips.rewrite(bundle, BundleFormat.RECORDS, Zips.lines(l -> {
            byte[] a = l.get(1234);
            l.set(1234, l.get(1235));
            l.set(1235, a);
        })));
        assertThat(report.problems()).containsExactly(
                "records 1234 and 1235 out of order (records.jsonl lines 1235 and 1236)",
                LATER_ROOTS.get(0), LATER_ROOTS.get(1), LATER_ROOTS.get(2), LATER_ROOTS.get(3));
    }

    @Test
    void aTruncatedRecordsFileSaysWhereItEnds() {
        VerificationReport atALineEnd = verify(Zips.rewrite(bundle, BundleFormat.RECORDS,
                Zips.lines(l -> l.subList(1500, l.size()).clear())));
        assertThat(atALineEnd.problems()).containsExactly(
                "bundle truncated: manifest says records up to 2999, records.jsonl ends at 1499",
                "checkpoint at tree size 2000: root not checked, the tree from records.jsonl ends at size 1500",
                "checkpoint at tree size 2500: root not checked, the tree from records.jsonl ends at size 1500",
                "checkpoint at tree size 3000: root not checked, the tree from records.jsonl ends at size 1500");

        VerificationReport midLine = verify(Zips.rewrite(bundle, BundleFormat.RECORDS, content -> {
            int end = 0;
            for (int lines = 0; lines < 1500; end++) {
                if (content[end] == '\n') {
                    lines++;
                }
            }
            return Arrays.copyOf(content, end + 40);
        }));
        assertThat(midLine.problems()).startsWith(
                "records.jsonl line 1501 is cut short (no line end)",
                "bundle truncated: manifest says records up to 2999, records.jsonl ends at 1499");
    }

    @Test
    void aCutZipFileIsNotReadable() {
        VerificationReport report = verify(Arrays.copyOf(bundle, bundle.length / 2));
        assertThat(report.problems()).hasSize(1);
        assertThat(report.problems().get(0)).matches("bundle\\d+\\.zip is not a readable zip file \\(.*\\): damaged or cut short");
    }

    @Test
    void aRecordChangedTogetherWithItsIndexLineIsCaughtByTheCheckpoints() {
        byte[] tampered = Zips.rewrite(bundle, BundleFormat.RECORDS, record(1234, TamperTest::oneByte));
        byte[] changed = Zips.lines(Zips.entry(tampered, BundleFormat.RECORDS)).get(1234);
        tampered = Zips.rewrite(tampered, BundleFormat.INDEX, Zips.lines(l -> l.set(1234, ("1234," + Base64.getEncoder()
                .encodeToString(ps.takamul.audit.merkle.MerkleHash.leaf(changed))).getBytes(StandardCharsets.US_ASCII))));
        assertThat(verify(tampered).problems()).containsExactlyElementsOf(LATER_ROOTS);
    }

    @Test
    void aCheckpointSignedWithAnotherKeyDoesNotVerify() {
        KeyPair forger = TestAuthorities.ecKeyPair();
        VerificationReport report = verify(Zips.rewrite(bundle, BundleFormat.CHECKPOINTS,
                checkpoint(1500, c -> signedBy(c, forger, c.timestamp()))));
        assertThat(report.problems()).containsExactly(
                "checkpoint at tree size 1500: signature does not verify with " + SIGNER,
                "checkpoint at tree size 1500: timestamp imprint does not match its signature");
    }

    @Test
    void aCheckpointWithAnotherRootOrSizeIsCaught() {
        String otherRoot = checkpointOf(bundle, 1000).root();
        VerificationReport root = verify(Zips.rewrite(bundle, BundleFormat.CHECKPOINTS, checkpoint(1500,
                c -> new BundleCheckpoint(c.size(), otherRoot, c.time(), c.signature(), c.timestamp(), null))));
        assertThat(root.problems()).containsExactly(
                "checkpoint at tree size 1500: signature does not verify with " + SIGNER,
                "checkpoint at tree size 1500: root does not match records 0..1499");

        VerificationReport size = verify(Zips.rewrite(bundle, BundleFormat.CHECKPOINTS, checkpoint(1500,
                c -> new BundleCheckpoint(1499, c.root(), c.time(), c.signature(), c.timestamp(), null))));
        assertThat(size.problems()).containsExactly(
                "checkpoint at tree size 1499: signature does not verify with " + SIGNER,
                "checkpoint at tree size 1499: root does not match records 0..1498");
    }

    @Test
    void aWholeForgedChainIsPinnedWithTheForgersFingerprintAndFailsAgainstAnchors() {
        KeyPair forger = TestAuthorities.ecKeyPair();
        X509Certificate forged = TestAuthorities.selfSigned(TestAuthorities.CHECKPOINT_SUBJECT, forger);
        byte[] tampered = Zips.rewrite(bundle, BundleFormat.CHECKPOINT_CHAIN,
                pem -> Pem.encode(forged).getBytes(StandardCharsets.US_ASCII));
        tampered = Zips.rewrite(tampered, BundleFormat.CHECKPOINTS, Zips.lines(l -> l.replaceAll(
                line -> write(signedBy(read(line), forger, null)))));

        VerificationReport pinned = verify(tampered);
        assertThat(pinned.problems()).isEmpty();
        assertThat(pinned.notTimestamped()).isEqualTo(6);
        assertThat(pinned.notes()).contains("checkpoint at tree size 500: not timestamped")
                .contains("checkpoint certificate " + SIGNER + " pinned (no trust anchors given): SHA-256 fingerprint "
                        + CertificatePaths.fingerprint(forged))
                .doesNotContain("checkpoint certificate " + SIGNER + " pinned (no trust anchors given): SHA-256 fingerprint "
                        + CertificatePaths.fingerprint(authorities.checkpointChain.get(0)));

        assertThat(verify(tampered, authorities.anchors()).problems()).singleElement().asString()
                .startsWith("certificates/checkpoint-chain.pem: " + SIGNER + " does not chain to a trust anchor at ");
    }

    @Test
    void brokenTimestampsAreNamed() {
        String other = checkpointOf(bundle, 1000).timestamp();
        assertThat(verify(Zips.rewrite(bundle, BundleFormat.CHECKPOINTS, checkpoint(1500, c -> new BundleCheckpoint(
                c.size(), c.root(), c.time(), c.signature(), other, null)))).problems())
                .containsExactly("checkpoint at tree size 1500: timestamp imprint does not match its signature");

        String garbage = Base64.getEncoder().encodeToString("not a token".getBytes(StandardCharsets.US_ASCII));
        assertThat(verify(Zips.rewrite(bundle, BundleFormat.CHECKPOINTS, checkpoint(1500, c -> new BundleCheckpoint(
                c.size(), c.root(), c.time(), c.signature(), garbage, null)))).problems())
                .singleElement().asString().startsWith("checkpoint at tree size 1500: timestamp token cannot be read");

        TestAuthorities elsewhere = TestAuthorities.create(dir.resolve("elsewhere"));
        BundleCheckpoint original = checkpointOf(bundle, 1500);
        byte[] imprint = CheckpointNote.imprint(Base64.getDecoder().decode(original.signature()));
        String foreign = Base64.getEncoder().encodeToString(TimestampSources.local(elsewhere.tsa).timestamp(imprint));
        assertThat(verify(Zips.rewrite(bundle, BundleFormat.CHECKPOINTS, checkpoint(1500, c -> new BundleCheckpoint(
                c.size(), c.root(), c.time(), c.signature(), foreign, null)))).problems())
                .singleElement().asString().startsWith("checkpoint at tree size 1500: timestamp signed by ")
                .endsWith(", which is not in certificates/tsa-chain.pem");

        VerificationReport none = verify(Zips.rewrite(bundle, BundleFormat.CHECKPOINTS, checkpoint(1500,
                c -> new BundleCheckpoint(c.size(), c.root(), c.time(), c.signature(), null, null))));
        assertThat(none.problems()).isEmpty();
        assertThat(none.notes()).contains("checkpoint at tree size 1500: not timestamped");
        assertThat(none.notTimestamped()).isEqualTo(1);
    }

    @Test
    void aCheckpointSignedAtAnotherTimeDoesNotVerify() {
        VerificationReport report = verify(Zips.rewrite(bundle, BundleFormat.CHECKPOINTS, checkpoint(500,
                c -> new BundleCheckpoint(c.size(), c.root(), CheckpointNote.time(Instant.parse(c.time()).minusSeconds(3600)),
                        c.signature(), c.timestamp(), null))));
        assertThat(report.problems()).containsExactly("checkpoint at tree size 500: signature does not verify with " + SIGNER);
    }

    @Test
    void theStoreTamperedWithBeforeTheExportIsCaught(@TempDir Path other) throws Exception {
        try (TestLog small = TestLog.create(other, authorities).append(0, 1000, 250)) {
            try (var c = small.connect(); var s = c.createStatement()) {
                // Someone with the database's owner rights can drop the append-only guard first.
                s.execute("DROP TRIGGER IF EXISTS audit_record_append_only");
                byte[] stored;
                try (var rs = s.executeQuery("SELECT record FROM audit_record WHERE seq = 234")) {
                    rs.next();
                    stored = rs.getBytes(1);
                }
                try (var update = c.prepareStatement("UPDATE audit_record SET record = ? WHERE seq = 234")) {
                    update.setBytes(1, oneByte(stored));
                    assertThat(update.executeUpdate()).isEqualTo(1);
                }
            }
            VerificationReport report = verify(small.export(0, 1000));
            assertThat(report.problems()).containsExactly(
                    "record 234 (records.jsonl line 235) changed: its leaf hash does not match index.csv",
                    "checkpoint at tree size 250: root does not match records 0..249",
                    "checkpoint at tree size 500: root does not match records 0..499",
                    "checkpoint at tree size 750: root does not match records 0..749",
                    "checkpoint at tree size 1000: root does not match records 0..999");
        }
    }

    @Test
    void theFixtureWroteRecordsInOrder() {
        List<byte[]> records = Zips.lines(Zips.entry(bundle, BundleFormat.RECORDS));
        assertThat(new String(records.get(1234), StandardCharsets.UTF_8)).contains("\"issue\":\"ملف رقم 1234\"");
        Checkpoint c = checkpointOf(bundle, 3000).checkpoint();
        assertThat(c.signature()).isNotEmpty();
    }
}
