package ps.takamul.security.pki;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.PolicyInformation;

/** The facts an operator wants about a certificate, expiry first. */
public record CertificateInfo(String serial, String subject, String issuer, Instant notBefore, Instant notAfter,
                              Optional<Profile> profile, List<String> subjectAltNames) {

    public static CertificateInfo of(X509Certificate certificate) {
        return new CertificateInfo(InstanceCa.hex(certificate.getSerialNumber()),
                Names.display(certificate.getSubjectX500Principal()), Names.display(certificate.getIssuerX500Principal()),
                certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
                profileOf(certificate), subjectAltNames(certificate));
    }

    /** Whole days until expiry, negative once expired. */
    public long daysLeft(Clock clock) {
        return Duration.between(clock.instant(), notAfter).toDays();
    }

    public String status(Clock clock) {
        Instant now = clock.instant();
        if (now.isAfter(notAfter)) {
            return "EXPIRED";
        }
        return now.isBefore(notBefore) ? "NOT YET VALID" : "valid, " + daysLeft(clock) + " days left";
    }

    private static Optional<Profile> profileOf(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.certificatePolicies.getId());
        if (value == null) {
            return Optional.empty();
        }
        CertificatePolicies policies = CertificatePolicies.getInstance(ASN1OctetString.getInstance(value).getOctets());
        for (PolicyInformation policy : policies.getPolicyInformation()) {
            Optional<Profile> profile = Profile.ofPolicy(policy.getPolicyIdentifier().getId());
            if (profile.isPresent()) {
                return profile;
            }
        }
        return Optional.empty();
    }

    private static List<String> subjectAltNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> all = certificate.getSubjectAlternativeNames();
            if (all != null) {
                all.forEach(name -> names.add(String.valueOf(name.get(1))));
            }
        } catch (CertificateParsingException e) {
            throw new PkiException("unreadable subjectAltName: " + e.getMessage(), e);
        }
        return names;
    }
}
