package ps.takamul.security.httpsig;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import ps.takamul.security.pki.Crypto;

/**
 * The RFC 9421 algorithms Takamul signs with. ECDSA signatures are the raw {@code r || s} of
 * IEEE P1363, as section 3.3.4 requires, not the DER form Java produces by default.
 */
public enum SignatureAlgorithm {
    ED25519("ed25519", "Ed25519", "Ed25519"),
    ECDSA_P256_SHA256("ecdsa-p256-sha256", "SHA256withECDSAinP1363Format", "SHA256withPLAIN-ECDSA");

    private final String name;
    private final String jca;
    private final String bouncyCastle;

    SignatureAlgorithm(String name, String jca, String bouncyCastle) {
        this.name = name;
        this.jca = jca;
        this.bouncyCastle = bouncyCastle;
    }

    /**
     * Software keys and all public keys go to Bouncy Castle, several times faster than the JDK 17
     * EC provider; a key on a PKCS#11 token has no encoding and stays with the provider that
     * holds it (JCA picks it when the key is given).
     */
    private Signature engine(java.security.Key key) throws GeneralSecurityException {
        return key.getEncoded() != null
                ? Signature.getInstance(bouncyCastle, Crypto.bouncyCastle())
                : Signature.getInstance(jca);
    }

    public static SignatureAlgorithm ofName(String registryName) {
        for (SignatureAlgorithm a : values()) {
            if (a.name.equals(registryName)) {
                return a;
            }
        }
        throw new SignatureException("unsupported signature algorithm \"" + registryName + "\"");
    }

    /** The name in the HTTP Signature Algorithms registry, as in the {@code alg} parameter. */
    public String registryName() {
        return name;
    }

    public static SignatureAlgorithm of(PublicKey key) {
        return switch (key.getAlgorithm()) {
            case "Ed25519", "EdDSA" -> ED25519;
            case "EC" -> ECDSA_P256_SHA256;
            default -> throw new SignatureException("no signature algorithm for a " + key.getAlgorithm() + " key");
        };
    }

    public byte[] sign(PrivateKey key, byte[] base) {
        try {
            Signature signature = engine(key);
            signature.initSign(key);
            signature.update(base);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new SignatureException("cannot sign with " + name + ": " + e.getMessage(), e);
        }
    }

    public boolean verify(PublicKey key, byte[] base, byte[] value) {
        try {
            Signature signature = engine(key);
            signature.initVerify(key);
            signature.update(base);
            return signature.verify(value);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
