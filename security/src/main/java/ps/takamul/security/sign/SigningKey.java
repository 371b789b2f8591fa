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
import ps.takamul.security.httpsig.SignatureAlgorithm;
import ps.takamul.security.pki.MemberBinding;

/**
 * A member's message-signing key as the node holds it: the private key (in a PKCS#12 file or on
 * a PKCS#11 token), its member-signing certificate and the chain above it.
 *
 * @param privateKey the key; a token's key never leaves the token, so it may have no encoding
 * @param chain      the member-signing certificate first, then its issuers (the root may be left out)
 */
public record SigningKey(PrivateKey privateKey, List<X509Certificate> chain) {

    public SigningKey {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing key needs its certificate");
        }
        privateKey = asBouncyCastle(privateKey);
    }

    /**
     * A software key read by the JDK (from PKCS#12) is re-created as a Bouncy Castle key once.
     * Handed a JDK key, Bouncy Castle converts its curve on every signature and recomputes the
     * generator's precomputed table each time, which cost several times the signature itself.
     * A token's key (no encoding) stays as it is.
     */
    private static PrivateKey asBouncyCastle(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null || key.getClass().getName().startsWith("org.bouncycastle.")) {
            return key;
        }
        try {
            String algorithm = key.getAlgorithm().equals("EC") ? "EC" : key.getAlgorithm();
            return KeyFactory.getInstance(algorithm, Crypto.bouncyCastle())
                    .generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            return key;
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The member the certificate binds the key to. */
    public MemberId member() {
        return MemberBinding.memberOf(certificate());
    }

    public SignatureAlgorithm algorithm() {
        return SignatureAlgorithm.of(certificate().getPublicKey());
    }

    /** The key id in signatures: the certificate's SHA-256 thumbprint, base64url without padding. */
    public String keyId() {
        return keyIdOf(certificate());
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
