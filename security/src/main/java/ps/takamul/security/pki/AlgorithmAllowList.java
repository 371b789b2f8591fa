package ps.takamul.security.pki;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * The signature algorithms and keys the instance accepts, in one table: the CA applies it to the
 * requests it signs ({@link CsrPolicy}) and relying parties to the chains they validate, so what
 * the CA refuses to issue a verifier also refuses to trust. An allow-list, so an algorithm nobody
 * reviewed is refused by default.
 */
public final class AlgorithmAllowList {
    public static final int MIN_RSA_BITS = 2048;

    private static final Map<ASN1ObjectIdentifier, String> SIGNATURES = Map.of(
            X9ObjectIdentifiers.ecdsa_with_SHA256, "SHA256withECDSA",
            X9ObjectIdentifiers.ecdsa_with_SHA384, "SHA384withECDSA",
            X9ObjectIdentifiers.ecdsa_with_SHA512, "SHA512withECDSA",
            PKCSObjectIdentifiers.sha256WithRSAEncryption, "SHA256withRSA",
            PKCSObjectIdentifiers.sha384WithRSAEncryption, "SHA384withRSA",
            PKCSObjectIdentifiers.sha512WithRSAEncryption, "SHA512withRSA",
            EdECObjectIdentifiers.id_Ed25519, "Ed25519");

    /** Named only so a refusal can say which broken digest it saw. */
    private static final Map<ASN1ObjectIdentifier, String> BROKEN_DIGEST_SIGNATURES = Map.of(
            X9ObjectIdentifiers.ecdsa_with_SHA1, "SHA1withECDSA",
            PKCSObjectIdentifiers.sha1WithRSAEncryption, "SHA1withRSA",
            OIWObjectIdentifiers.sha1WithRSA, "SHA1withRSA",
            X9ObjectIdentifiers.id_dsa_with_sha1, "SHA1withDSA",
            PKCSObjectIdentifiers.md5WithRSAEncryption, "MD5withRSA",
            PKCSObjectIdentifiers.md2WithRSAEncryption, "MD2withRSA");

    private static final Map<ASN1ObjectIdentifier, String> CURVES = Map.of(
            SECObjectIdentifiers.secp256r1, "P-256",
            SECObjectIdentifiers.secp384r1, "P-384",
            SECObjectIdentifiers.secp521r1, "P-521");

    private AlgorithmAllowList() {
    }

    /** Why a signature algorithm is refused, or empty when it is on the list. */
    public static Optional<String> signatureRefusal(ASN1ObjectIdentifier algorithm) {
        if (BROKEN_DIGEST_SIGNATURES.containsKey(algorithm)) {
            return Optional.of("signed with " + BROKEN_DIGEST_SIGNATURES.get(algorithm)
                    + "; SHA-1 and MD5 are not accepted");
        }
        if (!SIGNATURES.containsKey(algorithm)) {
            return Optional.of("signature algorithm " + algorithm + " is not accepted");
        }
        return Optional.empty();
    }

    /** Why a public key is refused (size, curve, type), or empty when it is acceptable. */
    public static Optional<String> keyRefusal(SubjectPublicKeyInfo key) {
        ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
        if (isRsa(key)) {
            int bits;
            try {
                bits = RSAPublicKey.getInstance(key.parsePublicKey()).getModulus().bitLength();
            } catch (IOException | IllegalArgumentException e) {
                return Optional.of("malformed RSA key");
            }
            return bits < MIN_RSA_BITS
                    ? Optional.of("RSA key of " + bits + " bits; at least " + MIN_RSA_BITS + " are required")
                    : Optional.empty();
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            Object parameters = key.getAlgorithm().getParameters();
            return parameters instanceof ASN1ObjectIdentifier curve && CURVES.containsKey(curve) ? Optional.empty()
                    : Optional.of("EC key on an unknown or explicit curve " + parameters
                            + "; accepted: P-256, P-384, P-521");
        }
        return EdECObjectIdentifiers.id_Ed25519.equals(algorithm) ? Optional.empty()
                : Optional.of("key algorithm " + algorithm + " is not accepted");
    }

    static boolean isRsa(SubjectPublicKeyInfo key) {
        return PKCSObjectIdentifiers.rsaEncryption.equals(key.getAlgorithm().getAlgorithm());
    }
}
