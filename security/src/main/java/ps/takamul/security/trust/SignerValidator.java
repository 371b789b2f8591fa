package ps.takamul.security.trust;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import ps.takamul.core.identifier.MemberId;

/** Decides whether a certificate may sign messages, and for which member. */
public interface SignerValidator {

    /**
     * Validates a message signer's certificate at the time the message was signed: chain to a
     * trust anchor, validity at {@code at}, member-signing usage, algorithm policy, revocation.
     *
     * @param chain the signer's certificate first, then any intermediates it came with
     * @return the member the certificate is bound to
     * @throws CertificateRejectedException naming the check that failed
     */
    MemberId validate(List<X509Certificate> chain, Instant at);
}
