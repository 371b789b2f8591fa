package ps.takamul.node.audit;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import ps.takamul.security.pki.Crypto;
import ps.takamul.security.pki.Keystores;

/**
 * The key the node signs its audit checkpoints with. In production it is a PKCS#12 the operator
 * provides ({@code takamul.audit.signing.keystore}), issued by the instance CA so auditors can
 * check it against the instance's root. Without one, the node makes a self-signed EC P-256 key
 * at its first start under {@code <data>/audit} and keeps using it: the demo's checkpoints then
 * verify against the certificate pinned in each export (the verifier says so).
 *
 * @param key   the private key
 * @param chain its certificate first, then any issuers
 */
public record CheckpointKey(PrivateKey key, List<X509Certificate> chain) {
    static final String KEYSTORE = "checkpoint-key.p12";
    static final String PASSWORD = "checkpoint-key.password";

    static CheckpointKey load(Path keystore, char[] password) {
        KeyStore store = Keystores.load(keystore, password);
        return new CheckpointKey(Keystores.privateKey(store, password), List.of(Keystores.chain(store)));
    }

    /** The dev key under {@code dir}, made on first use; its password lies beside it, as dev keys' do. */
    static CheckpointKey ensureDev(Path dir, String nodeId) throws IOException {
        Path keystore = dir.resolve(KEYSTORE);
        Path passwordFile = dir.resolve(PASSWORD);
        if (Files.exists(keystore) && Files.exists(passwordFile)) {
            return load(keystore, Files.readString(passwordFile).strip().toCharArray());
        }
        Files.createDirectories(dir);
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        KeyPair pair = newKeyPair();
        X509Certificate certificate = selfSigned(pair, "CN=Takamul audit checkpoints " + nodeId + ",O=Takamul dev");
        Keystores.save(keystore, pair.getPrivate(), password.toCharArray(), certificate);
        restrict(keystore);
        // Made private before the password is in it, not after.
        Files.deleteIfExists(passwordFile);
        Files.createFile(passwordFile);
        restrict(passwordFile);
        Files.writeString(passwordFile, password);
        return new CheckpointKey(pair.getPrivate(), List.of(certificate));
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Crypto.bouncyCastle());
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the audit checkpoint key", e);
        }
    }

    private static X509Certificate selfSigned(KeyPair pair, String subject) {
        Instant now = Instant.now();
        X500Name name = new X500Name(subject);
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Crypto.bouncyCastle())
                    .build(pair.getPrivate());
            return new JcaX509CertificateConverter().setProvider(Crypto.bouncyCastle())
                    .getCertificate(builder.build(signer));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot certify the audit checkpoint key", e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions protect it
        }
    }
}
