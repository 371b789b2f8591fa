package ps.takamul.audit.checkpoint;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import ps.takamul.security.pki.Crypto;
import ps.takamul.security.pki.Identity;
import ps.takamul.security.pki.InstanceCa;
import ps.takamul.security.pki.IssueRequest;
import ps.takamul.security.pki.KeyRequests;
import ps.takamul.security.pki.Keystores;
import ps.takamul.security.pki.Profile;
import ps.takamul.security.tsa.TimestampAuthority;

/**
 * Real keys and certificates for the audit tests, made fresh in a temporary folder: an audit
 * checkpoint key issued by a root of its own, and a time-stamping authority issued by an instance
 * CA with the TSA profile, as the hub's is.
 */
public final class TestAuthorities {
    /** As X.500 orders it (O first); printed, it reads {@code CN=Takamul audit checkpoints test-node,O=Takamul test}. */
    public static final String CHECKPOINT_SUBJECT = "O=Takamul test,CN=Takamul audit checkpoints test-node";
    private static final String ROOT_SUBJECT = "O=Takamul test,CN=Takamul Audit Test Root";
    private static final char[] PASSWORD = "test-only".toCharArray();

    public final X509Certificate checkpointRoot;
    public final PrivateKey checkpointKey;
    public final List<X509Certificate> checkpointChain;
    public final X509Certificate instanceRoot;
    public final TimestampAuthority tsa;
    public final List<X509Certificate> tsaChain;

    private TestAuthorities(X509Certificate checkpointRoot, PrivateKey checkpointKey, List<X509Certificate> checkpointChain,
                            X509Certificate instanceRoot, TimestampAuthority tsa, List<X509Certificate> tsaChain) {
        this.checkpointRoot = checkpointRoot;
        this.checkpointKey = checkpointKey;
        this.checkpointChain = checkpointChain;
        this.instanceRoot = instanceRoot;
        this.tsa = tsa;
        this.tsaChain = tsaChain;
    }

    public static TestAuthorities create(Path dir) {
        KeyPair root = ecKeyPair();
        X509Certificate rootCertificate = certificate(ROOT_SUBJECT, root.getPublic(), ROOT_SUBJECT, root.getPrivate(), true);
        KeyPair checkpoint = ecKeyPair();
        X509Certificate checkpointCertificate = certificate(CHECKPOINT_SUBJECT, checkpoint.getPublic(), ROOT_SUBJECT,
                root.getPrivate(), false);

        InstanceCa ca = InstanceCa.init(dir.resolve("ca"), "PS", Duration.ofDays(365), PASSWORD, null);
        KeyRequests.KeyRequest request = KeyRequests.create(Profile.TSA, Identity.node("hub-tsa", List.of(), List.of()),
                dir, PASSWORD);
        X509Certificate tsaCertificate = ca.issue(request.csr(), IssueRequest.of(Profile.TSA, Duration.ofDays(90)));
        KeyRequests.importChain(request.keystore(), List.of(tsaCertificate, ca.issuing()), PASSWORD);
        KeyStore store = Keystores.load(request.keystore(), PASSWORD);
        TimestampAuthority tsa = new TimestampAuthority(Keystores.privateKey(store, PASSWORD), Keystores.chain(store));
        return new TestAuthorities(rootCertificate, checkpoint.getPrivate(), List.of(checkpointCertificate, rootCertificate),
                ca.root(), tsa, List.of(Keystores.chain(store)));
    }

    /** Checkpoints signed with the test key and time-stamped by the test TSA. */
    public SignedCheckpoints checkpoints(String origin) {
        return new SignedCheckpoints(origin, checkpointKey, checkpointChain, TimestampSources.local(tsa));
    }

    /** The trust anchors an auditor would be given: the audit key's root and the instance root. */
    public List<X509Certificate> anchors() {
        return List.of(checkpointRoot, instanceRoot);
    }

    public static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Crypto.bouncyCastle());
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair keyPair(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm, Crypto.bouncyCastle());
            if (algorithm.equals("RSA")) {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate valid from an hour ago for a year; a CA one if {@code ca}. */
    public static X509Certificate certificate(String subject, PublicKey key, String issuer, PrivateKey issuerKey, boolean ca) {
        try {
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                    new BigInteger(64, new SecureRandom()).add(BigInteger.ONE), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(365))), new X500Name(subject), key);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca
                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            String algorithm = CheckpointNote.algorithm(issuerKey);
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).setProvider(Crypto.bouncyCastle()).build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed end certificate: what someone forging checkpoints would make. */
    public static X509Certificate selfSigned(String subject, KeyPair key) {
        return certificate(subject, key.getPublic(), subject, key.getPrivate(), false);
    }
}
