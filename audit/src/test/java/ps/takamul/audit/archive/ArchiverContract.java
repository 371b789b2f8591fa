package ps.takamul.audit.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.audit.AuditLog;
import ps.takamul.audit.bundle.BundleFormat;
import ps.takamul.audit.bundle.Exporter;
import ps.takamul.audit.bundle.Manifest;
import ps.takamul.audit.checkpoint.CheckpointPolicy;
import ps.takamul.audit.checkpoint.SignedCheckpoints;
import ps.takamul.audit.merkle.MerkleProofs;
import ps.takamul.audit.merkle.MerkleTree;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.audit.store.ArchiveSegment;
import ps.takamul.audit.store.AuditStore;
import ps.takamul.audit.store.Checkpoint;
import ps.takamul.audit.verify.BundleVerifier;
import ps.takamul.audit.verify.VerificationReport;

/**
 * The archive step against each store: segments sealed up to checkpoints, their bundles and the
 * live log's export verifying as one log, proofs of newer records and roots of old sizes still
 * computed from the database, and the archived rows gone from it.
 */
abstract class ArchiverContract {
    @TempDir
    Path dir;
    private AuditLog log;
    private Exporter exporter;
    private Archiver archiver;

    /** A new, empty store for this test. */
    abstract AuditStore openStore() throws Exception;

    abstract Connection connect() throws SQLException;

    abstract void dropDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("EC").generateKeyPair();
        List<X509Certificate> chain = List.of(selfSigned(pair));
        log = new AuditLog(openStore(), new SignedCheckpoints("hub-1", pair.getPrivate(), chain, null),
                new CheckpointPolicy(1_000_000, Duration.ofHours(1)), Clock.systemUTC());
        exporter = new Exporter(log, "hub-1", chain, List.of());
        archiver = new Archiver(log, exporter, dir.resolve("archive"));
    }

    @AfterEach
    void close() throws Exception {
        log.close();
        dropDatabase();
    }

    @Test
    void segmentsAndTheLiveExportVerifyAsOneLogNewerProofsHoldAndArchivedRowsAreGone() throws Exception {
        byte[] oldBody = "{\"الاسم\":\"قديم\"}".getBytes(StandardCharsets.UTF_8);
        byte[] newBody = "{\"الاسم\":\"جديد\"}".getBytes(StandardCharsets.UTF_8);
        append(0, 20, oldBody);
        Checkpoint twenty = log.checkpoint().orElseThrow();
        append(20, 35, null);
        log.checkpoint();
        Instant cut = Instant.now().truncatedTo(ChronoUnit.MICROS);
        append(35, 45, newBody);
        log.checkpoint();
        append(45, 50, null);

        assertThatThrownBy(() -> archiver.seal(30)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checkpoint");
        ArchiveSegment first = archiver.seal(20);
        ArchiveSegment second = archiver.archive(cut).orElseThrow();
        assertThat(archiver.archive(cut)).isEmpty();
        assertThat(List.of(first.from(), first.to(), second.from(), second.to())).containsExactly(0L, 20L, 20L, 35L);
        assertThat(log.store().segments()).containsExactly(first, second);
        for (ArchiveSegment s : List.of(first, second)) {
            Path file = archiver.file(s);
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))))
                    .isEqualTo(s.sha256());
            try (ZipFile zip = new ZipFile(file.toFile())) {
                Manifest manifest = BundleFormat.JSON.readValue(zip.getInputStream(zip.getEntry(BundleFormat.MANIFEST)),
                        Manifest.class);
                assertThat(manifest.kindValue()).isEqualTo(BundleFormat.Kind.SEGMENT);
                assertThat(List.of(manifest.from(), manifest.to())).containsExactly(s.from(), s.to());
            }
            VerificationReport alone = BundleVerifier.verify(file, List.of());
            assertThat(alone.problems()).isEmpty();
            assertThat(alone.records()).isEqualTo(s.to() - s.from());
        }
        assertThat(dir.resolve("archive")).isDirectoryNotContaining("glob:**.partial");

        Path live = dir.resolve("live.zip");
        try (OutputStream out = Files.newOutputStream(live)) {
            exporter.export(35, log.size(), out);
        }
        VerificationReport whole = BundleVerifier.verify(
                List.of(archiver.file(second), live, archiver.file(first)), List.of());
        assertThat(whole.problems()).isEmpty();
        assertThat(whole.records()).isEqualTo(50);
        assertThat(whole.notes()).anyMatch(n -> n.contains("records 0..49 form one tree"));

        assertThat(count("audit_record")).isEqualTo(15);
        assertThat(count("audit_leaf")).isEqualTo(35);
        assertThat(log.store().read(0, 50)).hasSize(15);
        assertThat(log.store().read(7)).isEmpty();
        assertThat(log.store().archivedIn(7)).contains(first);
        assertThat(log.store().archivedIn(30)).contains(second);
        assertThat(log.store().body(digest(oldBody))).isEmpty();
        assertThat(log.store().body(digest(newBody))).get().isEqualTo(newBody);
        assertThatThrownBy(() -> exporter.export(10, 40, OutputStream.nullOutputStream()))
                .hasMessageContaining(first.file());

        Checkpoint latest = log.store().latestCheckpoint().orElseThrow();
        AuditLog.Inclusion inclusion = log.inclusion(40, latest);
        assertThat(MerkleProofs.verifyInclusion(40, latest.treeSize(), inclusion.record().leafHash(), inclusion.proof(),
                latest.rootHash())).isTrue();
        assertThat(MerkleProofs.verifyConsistency(20, latest.treeSize(), twenty.rootHash(), latest.rootHash(),
                log.consistency(20, latest.treeSize()))).isTrue();
        MerkleTree fresh = new MerkleTree(log.store().leaves());
        for (Checkpoint c : log.store().checkpoints()) {
            assertThat(fresh.root(c.treeSize())).as("root of %d", c.treeSize()).isEqualTo(c.rootHash());
        }
        assertThat(log.append(record(50)).join()).isEqualTo(50);
    }

    @Test
    void nothingIsSealedWhenNoCheckpointLiesBeforeTheCut() {
        Instant beforeAll = Instant.now().truncatedTo(ChronoUnit.MICROS);
        append(0, 10, null);
        assertThat(archiver.archive(Instant.now().plusSeconds(1))).isEmpty();
        log.checkpoint();
        assertThat(archiver.archive(beforeAll)).isEmpty();
        assertThat(archiver.archive(Instant.now().plusSeconds(1))).get().extracting(ArchiveSegment::to).isEqualTo(10L);
        assertThatThrownBy(() -> archiver.seal(10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("archived already");
    }

    private void append(int from, int to, byte[] body) {
        for (int i = from; i < to; i++) {
            if (body != null && i % 5 == 0) {
                AuditRecord r = record(i, digest(body));
                log.store().append(r, Map.of(digest(body), body)).join();
            } else {
                log.append(record(i)).join();
            }
        }
    }

    private static AuditRecord record(int i) {
        return record(i, null);
    }

    private static AuditRecord record(int i, String responseDigest) {
        return new AuditRecord(AuditRecord.Kind.EXCHANGE, Instant.parse("2026-11-22T10:00:00Z").plusMillis(i), "hub-1",
                "msg-" + i, null, "PS/GOV/MOH/client", "PS/GOV/MOI/civil-registry/person-by-id/v1", "user-1",
                "تأمين صحي", null, "848991" + (100 + i % 7), null, null, null, 0, 10, 200, null, null, responseDigest,
                null, List.of(), Map.of(), Map.of());
    }

    static String digest(byte[] body) {
        try {
            return "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body)) + ":";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String table) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static X509Certificate selfSigned(KeyPair pair) throws Exception {
        X500Name name = new X500Name("CN=Takamul audit test");
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), name, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }
}
