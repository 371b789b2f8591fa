package ps.takamul.security.trust;

import java.io.IOException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.security.pki.MemberBinding;
import ps.takamul.security.pki.PkiException;
import ps.takamul.security.pki.Profile;

/**
 * Whether a certificate was issued for signing a member's messages. A node's TLS key or a client
 * system's key chains to the same root but must never sign for a member, so the profile's policy
 * OID decides, not the chain.
 */
final class MemberSigningUsage {
    private static final int DIGITAL_SIGNATURE = 0;

    private MemberSigningUsage() {
    }

    /**
     * @return the member the certificate is bound to
     * @throws CertificateRejectedException WRONG_USAGE
     */
    static MemberId require(X509Certificate certificate) {
        String subject = SignerPath.subject(certificate);
        if (certificate.getBasicConstraints() >= 0) {
            throw wrong(subject + " is a CA certificate");
        }
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage == null || !keyUsage[DIGITAL_SIGNATURE]) {
            throw wrong(subject + " does not allow digitalSignature");
        }
        List<String> policies = policies(certificate);
        if (!policies.contains(Profile.MEMBER_SIGNING.policy().getId())) {
            throw wrong(subject + " is not a member-signing certificate (policies " + policies + describe(policies) + ")");
        }
        List<String> extendedUsages = extendedKeyUsages(certificate);
        if (!extendedUsages.isEmpty()) {
            throw wrong(subject + " is restricted to extended key usages " + extendedUsages);
        }
        try {
            return MemberBinding.memberOf(certificate);
        } catch (PkiException e) {
            throw new CertificateRejectedException(CertificateProblem.WRONG_USAGE, e.getMessage(), e);
        }
    }

    private static String describe(List<String> policies) {
        return policies.stream().map(Profile::ofPolicy).flatMap(java.util.Optional::stream).findFirst()
                .map(p -> ": a " + p.label() + " certificate").orElse("");
    }

    private static List<String> policies(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.certificatePolicies.getId());
        if (value == null) {
            return List.of();
        }
        try {
            return Arrays.stream(CertificatePolicies.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value))
                    .getPolicyInformation()).map(PolicyInformation::getPolicyIdentifier).map(Object::toString).toList();
        } catch (IOException | IllegalArgumentException e) {
            throw wrong(SignerPath.subject(certificate) + " has malformed certificate policies");
        }
    }

    private static List<String> extendedKeyUsages(X509Certificate certificate) {
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            return usages == null ? List.of() : usages;
        } catch (CertificateParsingException e) {
            throw wrong(SignerPath.subject(certificate) + " has a malformed extendedKeyUsage");
        }
    }

    private static CertificateRejectedException wrong(String message) {
        return new CertificateRejectedException(CertificateProblem.WRONG_USAGE, message);
    }
}
