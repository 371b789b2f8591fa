import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.ZipFile;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import ps.takamul.audit.bundle.BundleCheckpoint;
import ps.takamul.audit.bundle.BundleFormat;
import ps.takamul.audit.bundle.BundleWriter;
import ps.takamul.audit.bundle.Manifest;
import ps.takamul.audit.checkpoint.SignedCheckpoints;
import ps.takamul.audit.checkpoint.TimestampSources;
import ps.takamul.audit.merkle.CompactRange;
import ps.takamul.audit.merkle.MerkleHash;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.audit.record.AuditRecords;
import ps.takamul.audit.verify.BundleVerifier;
import ps.takamul.audit.verify.VerificationReport;
import ps.takamul.security.pki.Crypto;
import ps.takamul.security.pki.Identity;
import ps.takamul.security.pki.InstanceCa;
import ps.takamul.security.pki.IssueRequest;
import ps.takamul.security.pki.KeyRequests;
import ps.takamul.security.pki.Keystores;
import ps.takamul.security.pki.Profile;
import ps.takamul.security.tsa.TimestampAuthority;

/**
 * Offline verification speed: writes an export bundle of RECORDS realistic exchange records (Arabic
 * text, signature evidence, a signed and time-stamped checkpoint every EVERY records) straight
 * through BundleWriter, then times BundleVerifier on it and, in the same run, a baseline: the same
 * records.jsonl inflated out of the zip and SHA-256'd in one pass, the cheapest read of the same
 * bytes. The verifier's figure is then also a ratio to that.
 *
 * <pre>java -Xmx256m -cp audit/target/classes:DEPENDENCIES bench/java/AuditVerify.java DIR [RECORDS] [EVERY]</pre>
 * DEPENDENCIES: {@code mvn -q -pl audit dependency:build-classpath -Dmdep.outputFile=/dev/stdout}.
 * The small heap is on purpose: the verifier streams, so a million records fit in it.
 */
public final class AuditVerify {
    private static final char[] PASSWORD = "bench-only".toCharArray();

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int every = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        Path bundle = dir.resolve("audit-bench-" + records + ".zip");

        // Keys: an audit checkpoint key under a root of its own, a TSA under an instance CA.
        KeyPair rootKey = ecKey();
        X509Certificate root = certificate("O=Takamul bench,CN=Audit Bench Root", rootKey, "O=Takamul bench,CN=Audit Bench Root",
                rootKey, true);
        KeyPair auditKey = ecKey();
        X509Certificate audit = certificate("O=Takamul bench,CN=Takamul audit checkpoints bench", auditKey,
                "O=Takamul bench,CN=Audit Bench Root", rootKey, false);
        Path caDir = Files.createTempDirectory(dir, "ca");
        InstanceCa ca = InstanceCa.init(caDir.resolve("ca"), "PS", Duration.ofDays(30), PASSWORD, null);
        KeyRequests.KeyRequest request = KeyRequests.create(Profile.TSA, Identity.node("bench-tsa", List.of(), List.of()),
                caDir, PASSWORD);
        KeyRequests.importChain(request.keystore(), List.of(ca.issue(request.csr(), IssueRequest.of(Profile.TSA,
                Duration.ofDays(20))), ca.issuing()), PASSWORD);
        KeyStore tsaStore = Keystores.load(request.keystore(), PASSWORD);
        TimestampAuthority tsa = new TimestampAuthority(Keystores.privateKey(tsaStore, PASSWORD), Keystores.chain(tsaStore));
        SignedCheckpoints signer = new SignedCheckpoints("bench", auditKey.getPrivate(), List.of(audit, root),
                TimestampSources.local(tsa));

        long written = System.nanoTime();
        byte[] leaves = new byte[records * 32];
        List<BundleCheckpoint> checkpoints = new ArrayList<>();
        CompactRange tree = new CompactRange();
        Instant start = Instant.parse("2026-11-22T08:00:00Z");
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(bundle), 1 << 16);
             BundleWriter writer = new BundleWriter(file)) {
            writer.manifest(Manifest.of(BundleFormat.Kind.EXPORT, "bench", 0, records, records, Instant.now(), null));
            writer.prefix(new CompactRange());
            writer.records(new Iterator<>() {
                int next;

                @Override
                public boolean hasNext() {
                    return next < records;
                }

                @Override
                public byte[] next() {
                    byte[] canonical = AuditRecords.canonical(record(next, start));
                    byte[] leaf = MerkleHash.leaf(canonical);
                    System.arraycopy(leaf, 0, leaves, next * 32, 32);
                    tree.append(leaf);
                    next++;
                    if (next % every == 0 || next == records) {
                        checkpoints.add(BundleCheckpoint.of(signer.make(next, tree.root(), start.plusMillis(next * 40L)), null));
                    }
                    return canonical;
                }
            });
            writer.index(0, IntStream.range(0, records).mapToObj(i -> Arrays.copyOfRange(leaves, i * 32, i * 32 + 32)).iterator());
            writer.checkpoints(checkpoints);
            writer.certificates(BundleFormat.CHECKPOINT_CHAIN, List.of(audit, root));
            writer.certificates(BundleFormat.TSA_CHAIN, List.of(Keystores.chain(tsaStore)));
        }
        long recordsBytes;
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            recordsBytes = zip.getEntry(BundleFormat.RECORDS).getSize();
        }
        System.out.printf(Locale.ROOT, "bundle: %,d records (%,d MB in records.jsonl, %,d MB zipped), %d checkpoints, written in %.1f s%n",
                records, recordsBytes >> 20, Files.size(bundle) >> 20, checkpoints.size(), (System.nanoTime() - written) / 1e9);

        // Rounds alternate the two, and the best of each counts: on a shared machine the slowest runs
        // measure the neighbours. The first verification warms the JIT and is not counted.
        List<X509Certificate> anchors = List.of(root, ca.root());
        VerificationReport report = BundleVerifier.verify(bundle, anchors);
        if (!report.ok()) {
            throw new IllegalStateException("the bench bundle does not verify: " + report.problems());
        }
        double[] verify = {Double.MAX_VALUE, Double.MAX_VALUE};
        double[] plain = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (int round = 0; round < 3; round++) {
            best(verify, () -> BundleVerifier.verify(bundle, anchors));
            best(plain, () -> baseline(bundle));
        }
        System.out.printf(Locale.ROOT, "verify: OK, %,d records, %d checkpoints (signatures, chains, timestamps), %.2f s"
                        + " (%.2f s CPU), %,.0f records/s, %,.0f MB/s%n", report.records(), report.checkpoints(), verify[0],
                verify[1], records / verify[0], recordsBytes / verify[0] / 1e6);
        System.out.printf(Locale.ROOT, "baseline (inflate records.jsonl and SHA-256 it in one pass): %.2f s (%.2f s CPU),"
                + " %,.0f records/s, %,.0f MB/s%n", plain[0], plain[1], records / plain[0], recordsBytes / plain[0] / 1e6);
        System.out.printf(Locale.ROOT, "ratio: verifying takes %.2f times the baseline (%.2f in CPU time)%n",
                verify[0] / plain[0], verify[1] / plain[1]);
        System.out.printf(Locale.ROOT, "heap: max %,d MB%n", Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Runs once; keeps the smallest wall time in best[0] and CPU time in best[1], in seconds. */
    private static void best(double[] best, Task task) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        task.run();
        best[0] = Math.min(best[0], (System.nanoTime() - wall) / 1e9);
        best[1] = Math.min(best[1], (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
    }

    private interface Task {
        void run() throws Exception;
    }

    private static void baseline(Path bundle) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (ZipFile zip = new ZipFile(bundle.toFile());
             InputStream in = zip.getInputStream(zip.getEntry(BundleFormat.RECORDS))) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
            }
        }
        sha256.digest();
    }

    private static AuditRecord record(int i, Instant start) {
        Instant at = start.plusMillis(i * 40L);
        boolean refused = i % 23 == 0;
        return new AuditRecord(AuditRecord.Kind.EXCHANGE, at, "bench", "PS-" + Integer.toHexString(i * 7919) + "-" + i,
                "PS-" + Integer.toHexString(i * 7919) + "-" + i, "PS/GOV/MOH/hospital-" + (i % 37) + "/his",
                "PS/GOV/MOI/civil-registry/person-by-id/v1", "doctor-" + (i % 500), "التحقق من أهلية التأمين الصحي",
                "ملف المريض رقم " + (i % 10_000), String.format(Locale.ROOT, "4%08d", i % 99_999_999), at.minusMillis(48),
                refused ? null : at.minusMillis(35), at, 96, refused ? 0 : 1740, refused ? 403 : 200,
                refused ? "Client.NoAgreement" : null, "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:",
                refused ? null : "sha-256=:qs3AWtXkjZz5+9+DUVV68A1Wa8jp9hSaHunqyA2KraI=:", "MOI-MOH-2026-001",
                List.of("/person/motherNameAr", "/person/address/street"),
                Map.of("request.signatureInput", "sig1=(\"@method\" \"@target-uri\" \"content-digest\" \"x-road-id\");created="
                                + (1795000000 + i) + ";keyid=\"PS/GOV/MOH\";alg=\"ecdsa-p256-sha256\"",
                        "request.signature", "sig1=:MEUCIQDlT0bvmMq4Y2Gx6jYd1s1zVNq5mF0Yr3lO6mX2o4nZTwIgB3uV1b9Qe6mYk1rC8e3pQ2s7T5v0w9xZ4a6cE8fH2jA=:",
                        "response.signature", "sig1=:MEQCIF3pX8rT7mYk2eQ9vB1nC4s6aW0zH5jL8uG3dR7fK2NcAiBvT6yE4wQ1xZ8mN3bR5kJ7hP9sD2fG0aC4eV6uY8iO1A==:"),
                Map.of("المرفق", "شهادة ميلاد", "قناة", "نظام المستشفى"));
    }

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Crypto.bouncyCastle());
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair key, String issuer, KeyPair issuerKey, boolean ca)
            throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                java.math.BigInteger.valueOf(now.toEpochMilli()).add(java.math.BigInteger.valueOf(subject.hashCode() & 0xffff)),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), new X500Name(subject),
                key.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Crypto.bouncyCastle()).build(issuerKey.getPrivate())));
    }
}
