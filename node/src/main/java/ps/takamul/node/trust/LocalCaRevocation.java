package ps.takamul.node.trust;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import ps.takamul.security.ocsp.IssuedCertificates;
import ps.takamul.security.pki.CaIndex;
import ps.takamul.security.trust.CertificateProblem;
import ps.takamul.security.trust.CertificateRejectedException;
import ps.takamul.security.trust.RevocationChecker;

/**
 * Revocation straight from the CA's own index, for the hub that runs the CA's OCSP responder
 * ({@code takamul.trust.ocsp=local}): the same answer its responder would give, without an HTTP
 * round trip to itself. Asking its own /ocsp over HTTP would park a request thread on another
 * request thread, and a burst of first-time signers could take every thread that way.
 */
final class LocalCaRevocation implements RevocationChecker {
    private final X509Certificate issuingCa;
    private final IssuedCertificates issued;

    LocalCaRevocation(X509Certificate issuingCa, IssuedCertificates issued) {
        this.issuingCa = issuingCa;
        this.issued = issued;
    }

    @Override
    public void check(X509Certificate certificate, X509Certificate issuer, Instant at) {
        if (!issuer.equals(issuingCa)) {
            throw new CertificateRejectedException(CertificateProblem.REVOCATION_UNAVAILABLE,
                    "the local CA index covers " + issuingCa.getSubjectX500Principal() + " only");
        }
        Optional<CaIndex.Entry> entry = issued.find(certificate.getSerialNumber());
        if (entry.isEmpty()) {
            throw new CertificateRejectedException(CertificateProblem.REVOCATION_UNAVAILABLE,
                    "serial " + certificate.getSerialNumber().toString(16) + " is not in the CA's index");
        }
        if (entry.get().revoked()) {
            throw new CertificateRejectedException(CertificateProblem.REVOKED, "certificate "
                    + certificate.getSerialNumber().toString(16) + " was revoked at " + entry.get().revokedAt()
                    + " (" + entry.get().reason() + ")");
        }
    }
}
