package ps.takamul.routes.soap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerException;
import ps.takamul.core.xml.XmlBytes;
import ps.takamul.core.agreement.Operation;
import ps.takamul.routes.agreement.AgreementEnforcement;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.apache.cxf.binding.soap.SoapHeader;
import org.w3c.dom.Element;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.catalogue.ServiceDescription;
import ps.takamul.core.catalogue.ServiceKind;
import ps.takamul.core.catalogue.ServiceProtocol;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.MessageHeaders;
import ps.takamul.core.protocol.TakamulException;
import ps.takamul.routes.exchange.BodyChecks;
import ps.takamul.routes.exchange.BrokerEndpoints;
import ps.takamul.routes.exchange.ExchangeLog;
import ps.takamul.routes.exchange.ExchangeProperties;
import ps.takamul.routes.exchange.IngressSettings;
import ps.takamul.routes.rest.ClientCertificates;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import ps.takamul.routes.exchange.Queues;
import ps.takamul.routes.exchange.RequestContext;
import ps.takamul.routes.soap.security.SoapSecurity;

/**
 * Reads an X-Road SOAP 4.0 request that CXF has parsed: checks the headers, the client and the
 * service, and leaves the body's payload element as bytes, ready for the broker.
 */
final class SoapRequestReader implements Processor {

    private final Supplier<Catalogue> catalogue;
    private final long replyMarginMillis;
    private final boolean requireClientCertificate;
    private final boolean signatures;
    private final AgreementEnforcement agreements;

    SoapRequestReader(Supplier<Catalogue> catalogue, IngressSettings settings) {
        this.catalogue = catalogue;
        this.replyMarginMillis = settings.replyMarginMillis();
        this.requireClientCertificate = settings.requireClientCertificate();
        this.signatures = settings.trust().enabled();
        this.agreements = settings.agreements();
    }

    @Override
    public void process(Exchange exchange) {
        exchange.setProperty(ExchangeProperties.RECEIVED_NANOS, System.nanoTime());
        Message in = exchange.getIn();
        @SuppressWarnings("unchecked")
        CxfPayload<SoapHeader> payload = in.getBody(CxfPayload.class);
        List<Element> headerElements = new ArrayList<>();
        for (SoapHeader h : payload.getHeaders()) {
            if (h.getObject() instanceof Element e) {
                headerElements.add(e);
            }
        }
        XRoadSoapHeaders headers = XRoadSoapHeaders.read(headerElements);
        String messageId = RequestContext.messageIdOrNew(headers.id());
        exchange.setProperty(ExchangeProperties.MESSAGE_ID, messageId);
        exchange.setProperty(ExchangeLog.CLIENT, headers.client().toString());
        exchange.setProperty(ExchangeLog.SERVICE, headers.service().toString());
        exchange.setProperty(ExchangeProperties.SOAP_HEADERS, headers.elements());

        if (signatures) {
            SoapSecurity.attachEvidence(in.getHeader(CxfConstants.CAMEL_CXF_MESSAGE, org.apache.cxf.message.Message.class), exchange);
        }
        if (requireClientCertificate && !signatures) { // with signatures on, checked before WS-Security
            ClientCertificates.requireCertificateOf(peerSubsystem(in), headers.client());
        }
        Catalogue current = catalogue.get();
        if (!current.isKnown(headers.client())) {
            throw new TakamulException(ErrorCode.UNKNOWN_CLIENT, "client " + headers.client() + " is not registered");
        }
        ServiceDescription service = current.service(headers.service()).orElseThrow(() -> new TakamulException(
                ErrorCode.UNKNOWN_SERVICE, "no service " + headers.service() + " in the catalogue"));
        if (service.protocol() != ServiceProtocol.SOAP) {
            throw new TakamulException(ErrorCode.PROTOCOL_MISMATCH,
                    "service " + service.id() + " is a REST service; call it over REST");
        }
        if (service.kind() != ServiceKind.QUERY) {
            throw new TakamulException(ErrorCode.METHOD_NOT_ALLOWED,
                    "notification service " + service.id() + " is offered over REST only");
        }
        List<Source> body = payload.getBodySources();
        if (body.size() != 1) {
            throw new TakamulException(ErrorCode.INVALID_BODY,
                    "the SOAP body must hold exactly one element, found " + body.size());
        }
        byte[] payloadBytes = payloadOf(body.get(0));
        agreements.admit(exchange, current, headers.client(), service.id(), Operation.SOAP,
                XmlBytes.rootLocalName(payloadBytes), headers.purpose());

        RequestContext request = new RequestContext(messageId, headers.client(), service,
                headers.userId(), headers.issue(), headers.purpose());
        request.attachTo(exchange);
        request.writeHeaders(in);
        in.setHeader(MessageHeaders.METHOD, "POST");
        in.setHeader(MessageHeaders.CONTENT_TYPE, "text/xml; charset=UTF-8");
        BrokerEndpoints.addressQuery(in, Queues.query(service.id()), service.timeout().toMillis() + replyMarginMillis);
        in.setBody(payloadBytes);
    }

    private static String peerSubsystem(Message in) {
        return SoapPeer.subsystemOf(in.getHeader(CxfConstants.CAMEL_CXF_MESSAGE, org.apache.cxf.message.Message.class));
    }

    /**
     * CXF streams the body lazily, so a truncated or broken body is only noticed here: the
     * serialised payload is checked before it may go anywhere near the broker.
     */
    private byte[] payloadOf(Source source) {
        byte[] payload = serialize(source);
        if (payload.length == 0) {
            throw new TakamulException(ErrorCode.INVALID_BODY, "the SOAP body is empty or cannot be read");
        }
        BodyChecks.checkWellFormed(payload, "text/xml");
        return payload;
    }

    private byte[] serialize(Source source) {
        try {
            return XmlBytes.of(source);
        } catch (TransformerException e) {
            throw new TakamulException(ErrorCode.INVALID_BODY, "the SOAP body cannot be read");
        }
    }
}
