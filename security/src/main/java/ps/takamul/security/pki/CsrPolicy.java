package ps.takamul.security.pki;

import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * The algorithm policy a CSR must meet before the CA signs anything: the instance's
 * {@link AlgorithmAllowList}, and a self-signature that verifies.
 */
final class CsrPolicy {

    private CsrPolicy() {
    }

    /** Refuses a weak, unknown or forged request; returns normally only for one the CA may sign. */
    static void check(PKCS10CertificationRequest csr) {
        AlgorithmAllowList.signatureRefusal(csr.getSignatureAlgorithm().getAlgorithm()).ifPresent(CsrPolicy::refuse);
        AlgorithmAllowList.keyRefusal(csr.getSubjectPublicKeyInfo()).ifPresent(CsrPolicy::refuse);
        checkSignature(csr);
    }

    private static void refuse(String why) {
        throw new PkiException("CSR refused: " + why);
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
