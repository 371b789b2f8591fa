package ps.takamul.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.audit.bundle.BodyDigests;
import ps.takamul.audit.bundle.BundleFormat;
import ps.takamul.audit.bundle.InclusionLine;
import ps.takamul.audit.bundle.Prefix;
import ps.takamul.audit.bundle.TestLog;
import ps.takamul.audit.bundle.Zips;
import ps.takamul.audit.checkpoint.TestAuthorities;

/**
 * Evidence packages (records of one message with their proofs and bodies) and archive segments
 * (bundles that start past record 0 and chain to one another), verified and tampered with.
 */
class EvidenceAndSegmentsTest {
    @TempDir
    static Path dir;
    static TestAuthorities authorities;
    static TestLog log;

    @BeforeAll
    static void aLog() {
        authorities = TestAuthorities.create(dir);
        log = TestLog.create(dir, authorities).append(0, 2000, 500);
    }

    @AfterAll
    static void close() {
        log.close();
    }

    static Path write(String name, byte[] zip) {
        try {
            return Files.write(dir.resolve(name), zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] evidence(String messageId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        log.exporter().evidence(messageId, out);
        return out.toByteArray();
    }

    static String bodyEntry(byte[] body) {
        return BundleFormat.body(BodyDigests.sha256(TestLog.digest(body)).orElseThrow());
    }

    @Test
    void anEvidencePackageVerifies() {
        byte[] zip = evidence(TestLog.messageId(1230));
        assertThat(Zips.entries(zip)).containsKeys(bodyEntry(TestLog.requestBody(1230)), bodyEntry(TestLog.responseBody(1230)));
        VerificationReport report = BundleVerifier.verify(write("evidence.zip", zip), authorities.anchors());
        assertThat(report.problems()).isEmpty();
        assertThat(report.records()).isEqualTo(2);
        assertThat(report.checkpoints()).isEqualTo(1);
        assertThat(report.notes()).contains("record 1231: request body not kept", "record 1231: response body not kept");
    }

    @Test
    void aTamperedProofOrBodyOrRecordFails() {
        byte[] zip = evidence(TestLog.messageId(1230));
        byte[] badProof = Zips.rewrite(zip, BundleFormat.PROOFS, Zips.lines(l -> l.replaceAll(line -> {
            try {
                InclusionLine p = BundleFormat.JSON.readValue(line, InclusionLine.class);
                List<String> path = new java.util.ArrayList<>(p.path());
                path.set(0, Base64.getEncoder().encodeToString(new byte[32]));
                return BundleFormat.JSON.writeValueAsBytes(new InclusionLine(p.seq(), p.treeSize(), path));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        })));
        assertThat(BundleVerifier.verify(write("bad-proof.zip", badProof), List.of()).problems()).containsExactly(
                "record 1230: inclusion proof does not lead to the root of the checkpoint at tree size 1500",
                "record 1231: inclusion proof does not lead to the root of the checkpoint at tree size 1500");

        String body = bodyEntry(TestLog.requestBody(1230));
        byte[] badBody = Zips.rewrite(zip, body, b -> "{\"الحالة\":\"مزور\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(BundleVerifier.verify(write("bad-body.zip", badBody), List.of()).problems()).containsExactly(
                body + ": content does not match its digest (record 1230's request body)");

        byte[] badRecord = Zips.rewrite(zip, BundleFormat.RECORDS, Zips.lines(l -> l.set(1,
                new String(l.get(1), StandardCharsets.UTF_8).replace("ملف رقم", "ملف رقم 9").getBytes(StandardCharsets.UTF_8))));
        assertThat(BundleVerifier.verify(write("bad-record.zip", badRecord), List.of()).problems()).containsExactly(
                "record 1231 (records.jsonl line 2) changed: its leaf hash does not match index.csv",
                "record 1231: inclusion proof does not lead to the root of the checkpoint at tree size 1500");
    }

    @Test
    void signatureMaterialIsFiledAndChecked() throws Exception {
        try (TestLog other = TestLog.create(dir.resolve("signed"), authorities)) {
            var base = TestLog.record(0);
            String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                    + "<soap:Body>طلب</soap:Body></soap:Envelope>";
            String certificate = ":" + Base64.getEncoder().encodeToString(authorities.checkpointChain.get(0).getEncoded()) + ":";
            var record = new ps.takamul.audit.record.AuditRecord(base.kind(), base.at(), base.node(), "soap-1", null,
                    base.client(), base.service(), null, null, null, null, null, null, null, 0, 0, 200, null, null, null,
                    null, null, Map.of("request.signedEnvelope",
                    Base64.getEncoder().encodeToString(envelope.getBytes(StandardCharsets.UTF_8)),
                    "response.certificate", certificate), null);
            other.log.store().append(record).join();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            other.exporter().evidence("soap-1", out);
            byte[] zip = out.toByteArray();
            assertThat(new String(Zips.entry(zip, "signatures/0/request-envelope.xml"), StandardCharsets.UTF_8))
                    .isEqualTo(envelope);
            assertThat(new String(Zips.entry(zip, "signatures/0/response-signer.pem"), StandardCharsets.US_ASCII))
                    .startsWith("-----BEGIN CERTIFICATE-----");
            VerificationReport report = BundleVerifier.verify(write("soap.zip", zip), List.of());
            assertThat(report.problems()).isEmpty();
            assertThat(report.notes()).contains("record 0: response signed by " + TamperTest.SIGNER);

            byte[] changed = Zips.rewrite(zip, "signatures/0/request-envelope.xml", b -> "<x/>".getBytes(StandardCharsets.UTF_8));
            assertThat(BundleVerifier.verify(write("soap-changed.zip", changed), List.of()).problems())
                    .containsExactly("signatures/0/request-envelope.xml differs from record 0's evidence");
        }
    }

    @Test
    void noRecordOfTheMessageIsNoEvidence() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> evidence("no-such-message"))
                .isInstanceOf(java.util.NoSuchElementException.class).hasMessageContaining("no-such-message");
    }

    @Test
    void segmentsVerifyAloneAndAsOneChain() throws Exception {
        Path a = log.export(dir, "a.zip", 0, 1000);
        Path b = log.export(dir, "b.zip", 1000, 2000);
        assertThat(BundleVerifier.verify(b, List.of()).problems()).isEmpty();
        VerificationReport both = BundleVerifier.verify(List.of(b, a), authorities.anchors());
        assertThat(both.problems()).isEmpty();
        assertThat(both.records()).isEqualTo(2000);
        assertThat(both.notes()).contains("b.zip continues a.zip: records 0..1999 form one tree");

        Path late = log.export(dir, "late.zip", 1500, 2000);
        assertThat(BundleVerifier.verify(List.of(a, late), List.of()).problems())
                .containsExactly("late.zip does not continue a.zip: a.zip ends at record 999, late.zip starts at record 1500");

        byte[] forgedPrefix = Zips.rewrite(Files.readAllBytes(b), BundleFormat.PREFIX, p -> {
            try {
                Prefix prefix = BundleFormat.JSON.readValue(p, Prefix.class);
                List<String> hashes = new java.util.ArrayList<>(prefix.hashes());
                hashes.set(0, Base64.getEncoder().encodeToString(new byte[32]));
                return BundleFormat.JSON.writeValueAsBytes(new Prefix(prefix.size(), hashes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        VerificationReport forged = BundleVerifier.verify(List.of(a, write("b-forged.zip", forgedPrefix)), List.of());
        assertThat(forged.problems()).containsExactly(
                "b-forged.zip: checkpoint at tree size 1000: root does not match prefix.json",
                "b-forged.zip: checkpoint at tree size 1500: root does not match records 0..1499",
                "b-forged.zip: checkpoint at tree size 2000: root does not match records 0..1999",
                "b-forged.zip does not continue a.zip: its prefix is not the tree of a.zip's records 0..999");
    }

    @Test
    void aRangeBetweenCheckpointsEndsUnderTheNextOneByConsistency() throws Exception {
        Path middle = log.export(dir, "middle.zip", 600, 900);
        VerificationReport report = BundleVerifier.verify(middle, authorities.anchors());
        assertThat(report.problems()).isEmpty();
        assertThat(report.records()).isEqualTo(300);
        assertThat(report.checkpoints()).isEqualTo(1);

        byte[] noProof = Zips.rewrite(Files.readAllBytes(middle), BundleFormat.CHECKPOINTS, Zips.lines(l -> l.replaceAll(
                line -> new String(line, StandardCharsets.UTF_8).replaceAll(",\"consistency\":\\[[^]]*]", "")
                        .getBytes(StandardCharsets.UTF_8))));
        assertThat(BundleVerifier.verify(write("middle-no-proof.zip", noProof), List.of()).problems()).containsExactly(
                "checkpoint at tree size 1000: past this bundle's last record and has no consistency proof",
                "records 600..899 are not covered by any checkpoint");
    }

    @Test
    void anExportPastTheLastCheckpointMakesOne() throws Exception {
        try (TestLog other = TestLog.create(dir.resolve("uncovered"), authorities).append(0, 130, 100)) {
            assertThat(other.log.store().latestCheckpoint().orElseThrow().treeSize()).isEqualTo(100);
            VerificationReport report = BundleVerifier.verify(other.export(dir, "uncovered.zip", 0, 130), List.of());
            assertThat(report.problems()).isEmpty();
            assertThat(report.checkpoints()).isEqualTo(2);
            assertThat(other.log.store().latestCheckpoint().orElseThrow().treeSize()).isEqualTo(130);
        }
    }
}
