package ps.takamul.security.trust;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import ps.takamul.security.pki.AlgorithmAllowList;

/**
 * Which signature algorithms and keys a relying party accepts in a signer's chain. The JDK's own
 * limits ({@code jdk.certpath.disabledAlgorithms}) still allow SHA-1 under a private root and RSA
 * keys of 1024 bits, so the bus applies its own, stricter list.
 */
@FunctionalInterface
public interface AlgorithmPolicy {

    /**
     * The instance's {@link AlgorithmAllowList}, the same one the CA applies to requests: no SHA-1
     * or MD5 signatures, RSA of 2048 bits and more, EC on P-256/P-384/P-521, Ed25519.
     */
    AlgorithmPolicy STANDARD = certificate -> {
        String subject = certificate.getSubjectX500Principal().getName();
        AlgorithmAllowList.signatureRefusal(new ASN1ObjectIdentifier(certificate.getSigAlgOID())).ifPresent(why -> {
            throw new CertificateRejectedException(CertificateProblem.WEAK_ALGORITHM, subject + ": " + why);
        });
        AlgorithmAllowList.keyRefusal(SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded()))
                .ifPresent(why -> {
                    throw new CertificateRejectedException(CertificateProblem.WEAK_ALGORITHM, subject + ": " + why);
                });
    };

    /**
     * Refuses a certificate whose signature or key is not acceptable.
     *
     * @throws CertificateRejectedException with {@link CertificateProblem#WEAK_ALGORITHM}
     */
    void check(X509Certificate certificate);
}
