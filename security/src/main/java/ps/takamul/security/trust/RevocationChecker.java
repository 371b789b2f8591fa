package ps.takamul.security.trust;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * Says whether a certificate is revoked. Separate from path validation because the answer comes
 * from outside (an OCSP responder, a CRL file) and may be unavailable, which the bus must tell
 * apart from "revoked".
 */
@FunctionalInterface
public interface RevocationChecker {

    /** Asks nobody: for tests and closed set-ups where revocation is handled by removing anchors. */
    RevocationChecker NONE = (certificate, issuer, at) -> {
    };

    /**
     * @param certificate the certificate in question
     * @param issuer      the CA certificate that issued it, whose key signs the revocation data
     * @param at          when the signature was made. A revocation counts whatever its date:
     *                    {@code at} is the signer's own claim, and a stolen key can claim any time
     * @throws CertificateRejectedException {@link CertificateProblem#REVOKED}, or
     *                                      {@link CertificateProblem#REVOCATION_UNAVAILABLE} when
     *                                      this source cannot say
     */
    void check(X509Certificate certificate, X509Certificate issuer, Instant at);

    /**
     * Asks {@code primary}, and {@code fallback} only when the primary cannot answer
     * (REVOCATION_UNAVAILABLE): a "revoked" from the primary is final, and so is "good".
     */
    static RevocationChecker withFallback(RevocationChecker primary, RevocationChecker fallback) {
        return (certificate, issuer, at) -> {
            try {
                primary.check(certificate, issuer, at);
            } catch (CertificateRejectedException unavailable) {
                if (unavailable.problem() != CertificateProblem.REVOCATION_UNAVAILABLE) {
                    throw unavailable;
                }
                try {
                    fallback.check(certificate, issuer, at);
                } catch (CertificateRejectedException again) {
                    if (again.problem() != CertificateProblem.REVOCATION_UNAVAILABLE) {
                        throw again;
                    }
                    CertificateRejectedException both = new CertificateRejectedException(
                            CertificateProblem.REVOCATION_UNAVAILABLE,
                            unavailable.getMessage() + "; and the fallback: " + again.getMessage(), again);
                    both.addSuppressed(unavailable);
                    throw both;
                }
            }
        };
    }
}
