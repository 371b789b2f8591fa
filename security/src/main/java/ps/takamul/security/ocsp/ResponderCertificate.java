package ps.takamul.security.ocsp;

import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Refuses, at start, a responder key that clients would refuse on every response: RFC 6960 clients
 * accept only the issuing CA itself or a certificate it issued with id-kp-OCSPSigning.
 */
final class ResponderCertificate {

    private ResponderCertificate() {
    }

    static void require(X509CertificateHolder responder, X509CertificateHolder issuer) {
        if (responder.equals(issuer)) {
            return;
        }
        ExtendedKeyUsage usage = ExtendedKeyUsage.fromExtensions(responder.getExtensions());
        if (!responder.getIssuer().equals(issuer.getSubject()) || usage == null
                || !usage.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)) {
            throw new IllegalArgumentException("the OCSP responder certificate " + responder.getSubject()
                    + " must be the issuing CA's or an ocsp-profile certificate issued by it");
        }
    }
}
