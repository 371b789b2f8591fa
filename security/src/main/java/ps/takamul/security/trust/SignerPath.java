package ps.takamul.security.trust;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * The signer's certificate, the CAs above it and the trust anchor they end at, found by names and
 * key identifiers and then checked by the JDK's PKIX validator (signatures, validity, CA
 * constraints; revocation is the bus's own step).
 *
 * @param certificates the signer first, then each issuer up to (not including) the anchor
 */
record SignerPath(List<X509Certificate> certificates, X509Certificate anchor) {
    /** Root, issuing CA, leaf and a spare level: a longer chain is not one this bus issues. */
    private static final int MAX_DEPTH = 4;

    /**
     * Links the signer to one of the anchors through the given CA certificates.
     *
     * @throws CertificateRejectedException UNTRUSTED when no such path exists
     */
    static SignerPath build(X509Certificate signer, Collection<X509Certificate> cas, List<X509Certificate> anchors) {
        List<X509Certificate> path = new ArrayList<>(List.of(signer));
        X509Certificate current = signer;
        while (path.size() <= MAX_DEPTH) {
            Optional<X509Certificate> anchor = issuerAmong(current, anchors);
            if (anchor.isPresent()) {
                return new SignerPath(List.copyOf(path), anchor.get());
            }
            Optional<X509Certificate> next = issuerAmong(current, cas).filter(ca -> !path.contains(ca));
            if (next.isEmpty()) {
                throw new CertificateRejectedException(CertificateProblem.UNTRUSTED, "no path from "
                        + subject(signer) + " to a trusted root: nothing known issued " + subject(current)
                        + " (issuer " + current.getIssuerX500Principal().getName() + ")");
            }
            current = next.get();
            path.add(current);
        }
        throw new CertificateRejectedException(CertificateProblem.UNTRUSTED,
                "the chain above " + subject(signer) + " is longer than " + MAX_DEPTH + " certificates");
    }

    /**
     * Runs the JDK's PKIX validator at {@code at}, revocation off, and names the check that failed.
     *
     * @throws CertificateRejectedException EXPIRED, NOT_YET_VALID, WEAK_ALGORITHM or UNTRUSTED
     */
    void validateAt(Instant at) {
        Date date = Date.from(at);
        try {
            anchor.checkValidity(date);
        } catch (CertificateExpiredException e) {
            throw new CertificateRejectedException(CertificateProblem.EXPIRED, "the trust anchor "
                    + subject(anchor) + " expired on " + anchor.getNotAfter().toInstant() + " (checked at " + at + ")");
        } catch (CertificateNotYetValidException e) {
            throw new CertificateRejectedException(CertificateProblem.NOT_YET_VALID, "the trust anchor "
                    + subject(anchor) + " is valid only from " + anchor.getNotBefore().toInstant() + " (checked at " + at + ")");
        }
        try {
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(date);
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(certificates), parameters);
        } catch (CertPathValidatorException e) {
            throw rejection(e, at);
        } catch (GeneralSecurityException e) {
            throw new CertificateRejectedException(CertificateProblem.UNTRUSTED,
                    "the chain cannot be validated: " + e.getMessage(), e);
        }
    }

    /** When every certificate of the path, anchor included, is valid: a cached result holds only then. */
    Instant notBefore() {
        return all().stream().map(c -> c.getNotBefore().toInstant()).max(Instant::compareTo).orElseThrow();
    }

    Instant notAfter() {
        return all().stream().map(c -> c.getNotAfter().toInstant()).min(Instant::compareTo).orElseThrow();
    }

    /** The path and its anchor, for checks that apply to every certificate (the algorithm policy). */
    List<X509Certificate> all() {
        List<X509Certificate> all = new ArrayList<>(certificates);
        all.add(anchor);
        return all;
    }

    X509Certificate issuerOf(int index) {
        return index + 1 < certificates.size() ? certificates.get(index + 1) : anchor;
    }

    private CertificateRejectedException rejection(CertPathValidatorException e, Instant at) {
        String which = e.getIndex() >= 0 && e.getIndex() < certificates.size()
                ? subject(certificates.get(e.getIndex())) : "the chain";
        CertificateProblem problem;
        String why;
        if (e.getReason() == BasicReason.EXPIRED) {
            problem = CertificateProblem.EXPIRED;
            why = which + " had expired at " + at;
        } else if (e.getReason() == BasicReason.NOT_YET_VALID) {
            problem = CertificateProblem.NOT_YET_VALID;
            why = which + " was not yet valid at " + at;
        } else if (e.getReason() == BasicReason.ALGORITHM_CONSTRAINED) {
            problem = CertificateProblem.WEAK_ALGORITHM;
            why = which + ": " + e.getMessage();
        } else {
            // Bad signature, issuer not a CA, path length, name chaining, unknown critical extension.
            problem = CertificateProblem.UNTRUSTED;
            why = which + " does not chain to " + subject(anchor) + ": " + e.getMessage();
        }
        return new CertificateRejectedException(problem, why, e);
    }

    private static Optional<X509Certificate> issuerAmong(X509Certificate child, Collection<X509Certificate> candidates) {
        byte[] authorityKeyId = authorityKeyId(child);
        return candidates.stream()
                .filter(ca -> ca.getSubjectX500Principal().equals(child.getIssuerX500Principal()))
                .filter(ca -> authorityKeyId == null || subjectKeyId(ca) == null
                        || Arrays.equals(authorityKeyId, subjectKeyId(ca)))
                .findFirst();
    }

    private static byte[] authorityKeyId(X509Certificate certificate) {
        return keyIdentifier(certificate, Extension.authorityKeyIdentifier,
                value -> AuthorityKeyIdentifier.getInstance(value).getKeyIdentifier());
    }

    private static byte[] subjectKeyId(X509Certificate certificate) {
        return keyIdentifier(certificate, Extension.subjectKeyIdentifier,
                value -> ASN1OctetString.getInstance(value).getOctets());
    }

    private static byte[] keyIdentifier(X509Certificate certificate, ASN1ObjectIdentifier extension,
                                        Function<ASN1Primitive, byte[]> read) {
        byte[] value = certificate.getExtensionValue(extension.getId());
        try {
            return value == null ? null : read.apply(JcaX509ExtensionUtils.parseExtensionValue(value));
        } catch (IOException | IllegalArgumentException e) {
            throw new CertificateRejectedException(CertificateProblem.UNTRUSTED,
                    subject(certificate) + " has a malformed key identifier extension " + extension, e);
        }
    }

    static String subject(X509Certificate certificate) {
        return "'" + certificate.getSubjectX500Principal().getName() + "'";
    }
}
