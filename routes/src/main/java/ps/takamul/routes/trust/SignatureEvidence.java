package ps.takamul.routes.trust;

import org.apache.camel.Exchange;

/**
 * What proves who signed a REST request: the signature fields as they crossed the wire and the
 * signer's certificate. Kept on the exchange for the audit log.
 *
 * @param signedByNode true when the node signed on the member's behalf for a client system that
 *                     authenticated over mutual TLS but cannot sign itself
 */
public record SignatureEvidence(String signatureInput, String signature, String certificate, String contentDigest,
                                boolean signedByNode) {
    public static final String REQUEST = "takamul.evidence.request";

    public void attachTo(Exchange exchange) {
        exchange.setProperty(REQUEST, this);
    }

    public static SignatureEvidence of(Exchange exchange) {
        return exchange.getProperty(REQUEST, SignatureEvidence.class);
    }
}
