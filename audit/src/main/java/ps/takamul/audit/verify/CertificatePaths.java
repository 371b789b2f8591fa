package ps.takamul.audit.verify;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** PKIX validation of a bundle's certificate chains against the auditor's trust anchors. */
final class CertificatePaths {
    private CertificatePaths() {
    }

    /**
     * Why the chain (leaf first) does not lead to one of the anchors at {@code at}; null when it
     * does. Revocation is not checked: the bundle is verified offline, possibly years later.
     */
    static String untrusted(List<X509Certificate> chain, List<X509Certificate> anchors, Date at) {
        List<X509Certificate> path = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            if (anchors.contains(certificate)) {
                break; // the path ends where the auditor's trust begins
            }
            if (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()) && !path.isEmpty()) {
                break; // a root the auditor did not name cannot be a link
            }
            path.add(certificate);
        }
        if (path.isEmpty()) {
            return null;
        }
        try {
            Set<TrustAnchor> trust = anchors.stream().map(a -> new TrustAnchor(a, null)).collect(Collectors.toSet());
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(trust);
            parameters.setRevocationEnabled(false);
            parameters.setDate(at);
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            return null;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The certificate's SHA-256 fingerprint, as {@code openssl x509 -fingerprint -sha256} prints it. */
    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a certificate that was read can be encoded", e);
        }
    }

    static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
