package ps.takamul.security.httpsig;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECKey;
import ps.takamul.security.pki.Crypto;

/**
 * The RFC 9421 algorithms Takamul signs with. ECDSA signatures are the raw {@code r || s} of
 * IEEE P1363, as section 3.3.4 requires, not the DER form Java produces by default.
 */
public enum SignatureAlgorithm {
    ED25519("ed25519", "Ed25519", "Ed25519"),
    ECDSA_P256_SHA256("ecdsa-p256-sha256", "SHA256withECDSAinP1363Format", "SHA256withPLAIN-ECDSA");

    /** The order of the P-256 (secp256r1) base point: tells a P-256 key from P-384, P-521 and others. */
    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private final String name;
    private final String jca;
    private final String bouncyCastle;

    SignatureAlgorithm(String name, String jca, String bouncyCastle) {
        this.name = name;
        this.jca = jca;
        this.bouncyCastle = bouncyCastle;
    }

    /**
     * Public keys and Bouncy Castle keys go to Bouncy Castle, several times faster than the JDK 17
     * EC provider; any other private key (a PKCS#11 token's) stays with the provider that holds it
     * (JCA picks it when the key is given). Software keys are made Bouncy Castle keys when loaded
     * ({@code SigningKey}), so this costs no key encoding per message.
     */
    private Signature engine(java.security.Key key) throws GeneralSecurityException {
        return key instanceof java.security.PublicKey || key instanceof org.bouncycastle.jcajce.interfaces.BCKey
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
            case "Ed25519" -> ED25519;
            case "EdDSA" -> {
                // The JDK names Ed25519 and Ed448 keys alike "EdDSA": only the former is ed25519.
                if (key instanceof EdECKey ed && !"Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
                    throw new SignatureException("no RFC 9421 signature algorithm for an " + ed.getParams().getName() + " key");
                }
                yield ED25519;
            }
            case "EC" -> {
                // ecdsa-p256-sha256 is P-256 only; a P-384 or P-521 key (the CA issues them) would
                // otherwise sign under a name that says P-256, with SHA-256 and a longer r || s.
                if (!(key instanceof ECPublicKey ec) || !P256_ORDER.equals(ec.getParams().getOrder())) {
                    throw new SignatureException("no RFC 9421 signature algorithm for an EC key that is not on P-256");
                }
                yield ECDSA_P256_SHA256;
            }
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
