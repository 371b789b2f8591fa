package ps.takamul.routes.trust;

import org.apache.camel.Exchange;

/**
 * What proves who signed a request, as it crossed the wire, kept on the exchange for the audit
 * log: the RFC 9421 fields of a REST request or the signed envelope of a SOAP one.
 */
public sealed interface SignatureEvidence permits SignatureEvidence.Rest, SignatureEvidence.Soap {
    String PROPERTY = "takamul.evidence.request";
    /** The signature base of the REST answer the node signed, for the audit record. */
    String RESPONSE_BASE = "takamul.evidence.responseBase";

    /**
     * True when the node signed on the member's behalf for a client system that authenticated
     * over mutual TLS but cannot sign itself.
     */
    boolean signedByNode();

    /**
     * The signature fields and the signer's certificate ({@code :base64 DER:}) of a REST request,
     * and the signature base they cover (RFC 9421 section 2.5), which names the method, path,
     * X-Road headers and {@code content-digest} signed: with it, the signature can be checked
     * again offline.
     */
    record Rest(String signatureInput, String signature, String certificate, String contentDigest,
                boolean signedByNode, byte[] signatureBase) implements SignatureEvidence {
    }

    /** The whole verified SOAP envelope, its wsse:Security header included, byte for byte. */
    record Soap(byte[] signedEnvelope, boolean signedByNode) implements SignatureEvidence {
    }

    default void attachTo(Exchange exchange) {
        exchange.setProperty(PROPERTY, this);
    }

    static SignatureEvidence of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, SignatureEvidence.class);
    }
}
