package ps.takamul.security.trust;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import ps.takamul.security.pki.Crypto;
import ps.takamul.security.pki.Identity;
import ps.takamul.security.pki.Profile;

/**
 * Member-signing certificates the instance CA would never issue, made with Bouncy Castle directly:
 * chosen validity, a SHA-1 signature, a 1024-bit RSA key, or an issuer that is not a CA. Every
 * other field is what {@code member-signing} certificates carry, so only the flaw differs.
 */
final class TestCertificates {
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyPair subjectKey = ec();
    private Instant notBefore = Instant.now().minusSeconds(300);
    private Instant notAfter = Instant.now().plusSeconds(86_400);
    private String signatureAlgorithm = "SHA256withECDSA";

    static TestCertificates memberSigning() {
        return new TestCertificates();
    }

    TestCertificates valid(Instant from, Instant until) {
        this.notBefore = from;
        this.notAfter = until;
        return this;
    }

    TestCertificates signedWith(String algorithm) {
        this.signatureAlgorithm = algorithm;
        return this;
    }

    TestCertificates rsaKey(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        this.subjectKey = generator.generateKeyPair();
        return this;
    }

    X509Certificate issuedBy(X509Certificate issuer, PrivateKey issuerKey) throws Exception {
        Identity member = Identity.member(TrustTestPki.MOI);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.getSubjectX500Principal(),
                new BigInteger(127, RANDOM).setBit(100), Date.from(notBefore), Date.from(notAfter),
                new javax.security.auth.x500.X500Principal(member.subject().getEncoded()), subjectKey.getPublic());
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        builder.addExtension(Extension.subjectAlternativeName, false, member.subjectAltNames());
        builder.addExtension(Extension.certificatePolicies, false,
                new CertificatePolicies(new PolicyInformation(Profile.MEMBER_SIGNING.policy())));
        builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer));
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey.getPublic()));
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder(signatureAlgorithm).setProvider(Crypto.bouncyCastle()).build(issuerKey)));
    }

    private static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Crypto.bouncyCastle());
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
