package ps.takamul.routes.exchange;

import ps.takamul.routes.agreement.AgreementEnforcement;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import ps.takamul.routes.audit.AuditTrail;
import ps.takamul.routes.trust.MessageTrust;

/**
 * What the ingress routes need from the node's configuration.
 *
 * @param maxBodyBytes largest request body accepted, REST and SOAP alike
 * @param soapAddress  where the CXF SOAP endpoint listens, e.g. {@code http://127.0.0.1:8081/soap}
 * @param replyMarginMillis how much longer the node waits for the provider side than the
 *                     connector waits for the provider, so a provider timeout is reported as such
 * @param inlineBaseline  benchmark only: also serve queries at {@code /bench/inline/r1/...} without
 *                     the broker, so the queue's cost can be measured against the same exchange
 * @param requireClientCertificate the secure profile: a client must have presented, over mutual
 *                     TLS, a certificate issued to the subsystem it names as the client
 * @param tlsKeys      with the secure profile, the node's TLS key (else null)
 * @param tlsTrust     with the secure profile, the trust anchors for client certificates (else null)
 * @param trust        message signatures: checking requests, signing responses ({@link MessageTrust#OFF} in the demo profile)
 * @param agreements   the data-sharing policy: who may ask what, how often, and which fields they receive
 * @param audit        the audit log's steps in the exchange ({@link AuditTrail#OFF} only in tests of other parts)
 * @param unauditedBaseline benchmark only: also serve queries at {@code /bench/unaudited/r1/...} with no
 *                     audit record, so the log's cost can be measured against the same exchange
 */
public record IngressSettings(long maxBodyBytes, String soapAddress, long replyMarginMillis, boolean inlineBaseline,
                              boolean requireClientCertificate, KeyManager[] tlsKeys, TrustManager[] tlsTrust,
                              MessageTrust trust, AgreementEnforcement agreements, AuditTrail audit,
                              boolean unauditedBaseline) {
}
