package ps.takamul.security.pki;

import java.io.IOException;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * The algorithm policy a CSR must meet before the CA signs anything: an allow-list, so an
 * algorithm nobody reviewed is refused by default.
 */
final class CsrPolicy {
    static final int MIN_RSA_BITS = 2048;

    private static final Map<ASN1ObjectIdentifier, String> SIGNATURES = Map.of(
            X9ObjectIdentifiers.ecdsa_with_SHA256, "SHA256withECDSA",
            X9ObjectIdentifiers.ecdsa_with_SHA384, "SHA384withECDSA",
            X9ObjectIdentifiers.ecdsa_with_SHA512, "SHA512withECDSA",
            PKCSObjectIdentifiers.sha256WithRSAEncryption, "SHA256withRSA",
            PKCSObjectIdentifiers.sha384WithRSAEncryption, "SHA384withRSA",
            PKCSObjectIdentifiers.sha512WithRSAEncryption, "SHA512withRSA",
            EdECObjectIdentifiers.id_Ed25519, "Ed25519");

    private static final Map<ASN1ObjectIdentifier, String> SHA1_SIGNATURES = Map.of(
            X9ObjectIdentifiers.ecdsa_with_SHA1, "SHA1withECDSA",
            PKCSObjectIdentifiers.sha1WithRSAEncryption, "SHA1withRSA",
            OIWObjectIdentifiers.sha1WithRSA, "SHA1withRSA",
            X9ObjectIdentifiers.id_dsa_with_sha1, "SHA1withDSA");

    private static final Map<ASN1ObjectIdentifier, String> CURVES = Map.of(
            SECObjectIdentifiers.secp256r1, "P-256",
            SECObjectIdentifiers.secp384r1, "P-384",
            SECObjectIdentifiers.secp521r1, "P-521");

    private CsrPolicy() {
    }

    /** Refuses a weak, unknown or forged request; returns normally only for one the CA may sign. */
    static void check(PKCS10CertificationRequest csr) {
        checkSignatureAlgorithm(csr.getSignatureAlgorithm().getAlgorithm());
        checkKey(csr.getSubjectPublicKeyInfo());
        checkSignature(csr);
    }

    static boolean isRsa(SubjectPublicKeyInfo key) {
        return PKCSObjectIdentifiers.rsaEncryption.equals(key.getAlgorithm().getAlgorithm());
    }

    private static void checkSignatureAlgorithm(ASN1ObjectIdentifier algorithm) {
        if (SHA1_SIGNATURES.containsKey(algorithm)) {
            throw new PkiException("CSR refused: signed with " + SHA1_SIGNATURES.get(algorithm)
                    + "; SHA-1 is not accepted");
        }
        if (!SIGNATURES.containsKey(algorithm)) {
            throw new PkiException("CSR refused: signature algorithm " + algorithm + " is not accepted");
        }
    }

    private static void checkKey(SubjectPublicKeyInfo key) {
        ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
        if (isRsa(key)) {
            int bits = rsaModulusBits(key);
            if (bits < MIN_RSA_BITS) {
                throw new PkiException("CSR refused: RSA key of " + bits + " bits; at least "
                        + MIN_RSA_BITS + " are required");
            }
        } else if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            Object parameters = key.getAlgorithm().getParameters();
            if (!(parameters instanceof ASN1ObjectIdentifier curve) || !CURVES.containsKey(curve)) {
                throw new PkiException("CSR refused: EC key on an unknown or explicit curve " + parameters
                        + "; accepted: P-256, P-384, P-521");
            }
        } else if (!EdECObjectIdentifiers.id_Ed25519.equals(algorithm)) {
            throw new PkiException("CSR refused: key algorithm " + algorithm + " is not accepted");
        }
    }

    private static int rsaModulusBits(SubjectPublicKeyInfo key) {
        try {
            return RSAPublicKey.getInstance(key.parsePublicKey()).getModulus().bitLength();
        } catch (IOException | IllegalArgumentException e) {
            throw new PkiException("CSR refused: malformed RSA key", e);
        }
    }

    private static void checkSignature(PKCS10CertificationRequest csr) {
        boolean valid;
        try {
            valid = csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Crypto.BC)
                    .build(csr.getSubjectPublicKeyInfo()));
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            throw new PkiException("CSR refused: its signature cannot be verified: " + e.getMessage(), e);
        }
        if (!valid) {
            throw new PkiException("CSR refused: its signature does not match its content and key");
        }
    }
}
