package ps.takamul.routes.soap.security;

import ps.takamul.routes.trust.SignatureEvidence;
import org.apache.camel.Exchange;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;
import ps.takamul.routes.trust.MessageTrust;

/**
 * WS-Security on the SOAP ingress: what {@code SoapIngressRoute} installs when message signatures
 * are on, and what {@code SoapRequestReader} takes from it. With {@link MessageTrust#OFF} nothing
 * here is installed or called.
 */
public final class SoapSecurity {
    private SoapSecurity() {
    }

    /**
     * Verifies requests and signs responses and faults. camel-cxf's header relaying is left as it
     * is: turning it off ({@code relayHeaders=false}) also empties the request's header list that
     * payload mode reads the X-Road headers from. The route never relays anyway (the reader and
     * the writers drop every Camel header, and the response's SOAP headers are the echoed X-Road
     * ones only), and {@link ResponseSignatureInterceptor} drops any wsse:Security header from an
     * outgoing message before it adds its own.
     */
    public static void install(CxfEndpoint endpoint, MessageTrust trust, boolean requireClientCertificate) {
        endpoint.getInInterceptors().add(new RequestSignatureInterceptor(trust, requireClientCertificate));
        ResponseSignatureInterceptor out = new ResponseSignatureInterceptor(trust);
        endpoint.getOutInterceptors().add(out);
        endpoint.getOutFaultInterceptors().add(out);
    }

    /**
     * Puts the verified, signed request envelope on the exchange as
     * {@link SignatureEvidence}; refuses a request the signature interceptor did not pass
     * (it cannot get here without, but the route must not depend on that).
     */
    public static void attachEvidence(org.apache.cxf.message.Message cxf, Exchange exchange) {
        if (cxf == null || !Boolean.TRUE.equals(cxf.get(RequestSignatureInterceptor.VERIFIED))) {
            throw new TakamulException(ErrorCode.SIGNATURE_REQUIRED, "the request's signature was not verified");
        }
        new SignatureEvidence.Soap((byte[]) cxf.get(RequestSignatureInterceptor.EVIDENCE),
                Boolean.TRUE.equals(cxf.get(RequestSignatureInterceptor.SIGNED_BY_NODE))).attachTo(exchange);
    }
}
