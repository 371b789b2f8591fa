package ps.takamul.security.sign;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.spec.PKCS8EncodedKeySpec;
import ps.takamul.security.pki.Crypto;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.security.httpsig.MessageSigner;
import ps.takamul.security.httpsig.SignatureAlgorithm;
import org.bouncycastle.jcajce.interfaces.BCKey;
import ps.takamul.security.pki.MemberBinding;

/**
 * A member's message-signing key as the node holds it: the private key (in a PKCS#12 file or on
 * a PKCS#11 token), its member-signing certificate and the chain above it. What signing needs
 * from the certificate (key id, encoded field, algorithm, member) is worked out once, not per
 * message.
 */
public final class SigningKey {
    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final String keyId;
    private final String certificateField;
    private volatile SignatureAlgorithm algorithm;
    private volatile MemberId member;

    /**
     * @param privateKey the key; a token's key never leaves the token, so it may have no encoding
     * @param chain      the member-signing certificate first, then its issuers (the root may be left out)
     */
    public SigningKey(PrivateKey privateKey, List<X509Certificate> chain) {
        this.chain = List.copyOf(chain);
        if (this.chain.isEmpty()) {
            throw new IllegalArgumentException("a signing key needs its certificate");
        }
        this.privateKey = asBouncyCastle(privateKey);
        this.keyId = keyIdOf(certificate());
        this.certificateField = MessageSigner.certificateField(certificate());
    }

    /**
     * A software key read by the JDK (from PKCS#12) is re-created as a Bouncy Castle key once.
     * Handed a JDK key, Bouncy Castle converts its curve on every signature and recomputes the
     * generator's precomputed table each time, which cost several times the signature itself.
     * A token's key (no encoding) stays as it is.
     */
    private static PrivateKey asBouncyCastle(PrivateKey key) {
        if (key instanceof BCKey) {
            return key;
        }
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            return key;
        }
        try {
            return KeyFactory.getInstance(key.getAlgorithm(), Crypto.bouncyCastle())
                    .generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            return key;
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The member the certificate binds the key to; refuses a certificate that binds none. */
    public MemberId member() {
        MemberId known = member;
        if (known == null) {
            known = MemberBinding.memberOf(certificate());
            member = known;
        }
        return known;
    }

    public SignatureAlgorithm algorithm() {
        SignatureAlgorithm known = algorithm;
        if (known == null) {
            known = SignatureAlgorithm.of(certificate().getPublicKey());
            algorithm = known;
        }
        return known;
    }

    /** The key id in signatures: the certificate's SHA-256 thumbprint, base64url without padding. */
    public String keyId() {
        return keyId;
    }

    /** The certificate as the {@link MessageSigner#SIGNER_CERTIFICATE} field carries it. */
    public String certificateField() {
        return certificateField;
    }

    public static String keyIdOf(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate: " + e.getMessage(), e);
        }
    }

    public byte[] sign(byte[] data) {
        return algorithm().sign(privateKey, data);
    }
}
