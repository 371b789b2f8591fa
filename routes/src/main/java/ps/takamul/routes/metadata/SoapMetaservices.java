package ps.takamul.routes.metadata;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.cxf.binding.soap.SoapHeader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.catalogue.ServiceDescription;
import ps.takamul.core.catalogue.ServiceProtocol;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.protocol.XRoadHeaders;
import ps.takamul.routes.exchange.ExchangeLog;
import ps.takamul.routes.exchange.ExchangeProperties;
import ps.takamul.routes.exchange.IngressSettings;
import ps.takamul.routes.exchange.RequestContext;
import ps.takamul.routes.rest.ClientCertificates;
import ps.takamul.routes.soap.SoapPeer;
import ps.takamul.routes.soap.XRoadSoapHeaders;

/**
 * X-Road's SOAP metaservices (service metadata protocol): a request to the SOAP ingress whose
 * {@code xrd:service} names a provider subsystem with the service code {@code listMethods},
 * {@code allowedMethods} or {@code getWsdl}. Answered here, echoing the request's X-Road headers
 * like any answer; refusals become the ingress's SOAP Faults. Nothing goes to the broker.
 *
 * <p>X-Road returns getWsdl's document as a SOAP attachment; here it travels inside the
 * {@code xrd:getWsdlResponse} element, base64 in {@code tkm:wsdl}, so that any SOAP client reads it
 * without attachment support (docs/protocol.md, "Metadata services").
 */
public final class SoapMetaservices implements Processor {
    static final String LIST_METHODS = "listMethods";
    static final String ALLOWED_METHODS = "allowedMethods";
    static final String GET_WSDL = "getWsdl";
    private static final Set<String> CODES = Set.of(LIST_METHODS, ALLOWED_METHODS, GET_WSDL);

    private final Supplier<Catalogue> catalogue;
    private final ContractDocuments contracts;
    private final boolean requireClientCertificate;
    private final boolean signatures;
    private final Clock clock = Clock.systemUTC();

    public SoapMetaservices(Supplier<Catalogue> catalogue, IngressSettings settings) {
        this.catalogue = catalogue;
        this.contracts = new ContractDocuments(settings.soapAddress());
        this.requireClientCertificate = settings.requireClientCertificate();
        this.signatures = settings.trust().enabled();
    }

    /** Whether the request's {@code xrd:service} asks for a metaservice. */
    public static boolean requested(Exchange exchange) {
        for (Element header : headerElements(exchange.getIn())) {
            if (XRoadHeaders.XROAD_NS.equals(header.getNamespaceURI()) && "service".equals(header.getLocalName())) {
                String code = childText(header, XRoadHeaders.IDENTIFIERS_NS, "serviceCode");
                return code != null && CODES.contains(code);
            }
        }
        return false;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.setProperty(ExchangeProperties.RECEIVED_NANOS, System.nanoTime());
        Message in = exchange.getIn();
        @SuppressWarnings("unchecked")
        CxfPayload<SoapHeader> payload = in.getBody(CxfPayload.class);
        XRoadSoapHeaders headers = XRoadSoapHeaders.read(headerElements(in));
        exchange.setProperty(ExchangeProperties.MESSAGE_ID, RequestContext.messageIdOrNew(headers.id()));
        exchange.setProperty(ExchangeLog.CLIENT, headers.client().toString());
        exchange.setProperty(ExchangeLog.SERVICE, headers.service().toString());
        if (requireClientCertificate && !signatures) { // with signatures on, CXF checked it before WS-Security
            ClientCertificates.requireCertificateOf(SoapPeer.subsystemOf(
                    in.getHeader(CxfConstants.CAMEL_CXF_MESSAGE, org.apache.cxf.message.Message.class)), headers.client());
        }
        Catalogue current = catalogue.get();
        ClientId client = headers.client();
        ProviderServices.requireKnown(current, client);
        ProviderServices services = ProviderServices.of(current, headers.service().subsystem());
        Instant now = clock.instant();
        Document doc = XRoadXml.newDocument();
        Element answer = switch (headers.service().serviceCode()) {
            case LIST_METHODS -> serviceList(doc, "listMethodsResponse", services.offered(ServiceProtocol.SOAP));
            case ALLOWED_METHODS -> serviceList(doc, "allowedMethodsResponse", services.allowedTo(client, ServiceProtocol.SOAP, now));
            default -> wsdl(doc, services, client, WsdlRequest.of(payload.getBodySources(), services.provider()), now);
        };
        List<SoapHeader> echoed = new ArrayList<>();
        for (Element h : headers.elements()) {
            echoed.add(new SoapHeader(new QName(h.getNamespaceURI(), h.getLocalName()), h));
        }
        List<Source> body = new ArrayList<>();
        body.add(new DOMSource(answer));
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setBody(new CxfPayload<>(echoed, body, null));
        MetadataAnswers.logged(exchange, "soap", 200);
    }

    private static Element serviceList(Document doc, String name, List<ServiceDescription> services) {
        Element list = XRoadXml.element(doc, name);
        doc.appendChild(list);
        for (ServiceDescription s : services) {
            list.appendChild(XRoadXml.service(doc, "service", s.id()));
        }
        return list;
    }

    private Element wsdl(Document doc, ProviderServices services, ClientId client, WsdlRequest request, Instant now) {
        ServiceDescription service = services.describedTo(client, ServiceProtocol.SOAP, request.serviceCode(), request.serviceVersion(), now);
        ContractDocuments.Contract contract = contracts.required(service);
        Element response = XRoadXml.element(doc, "getWsdlResponse");
        doc.appendChild(response);
        response.appendChild(XRoadXml.text(doc, "serviceCode", service.id().serviceCode()));
        if (service.id().version() != null) {
            response.appendChild(XRoadXml.text(doc, "serviceVersion", service.id().version()));
        }
        Element wsdl = doc.createElementNS(XRoadHeaders.TAKAMUL_NS, "tkm:wsdl");
        wsdl.setAttribute("contentType", contract.mediaType());
        wsdl.setTextContent(Base64.getEncoder().encodeToString(contract.content()));
        response.appendChild(wsdl);
        return response;
    }

    private static List<Element> headerElements(Message in) {
        List<Element> elements = new ArrayList<>();
        if (in.getBody() instanceof CxfPayload<?> payload) {
            for (Object h : payload.getHeaders()) {
                if (h instanceof SoapHeader header && header.getObject() instanceof Element e) {
                    elements.add(e);
                }
            }
        }
        return elements;
    }

    static String childText(Element parent, String namespace, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && name.equals(c.getLocalName())
                    && (namespace == null || namespace.equals(c.getNamespaceURI()))) {
                return c.getTextContent().strip();
            }
        }
        return null;
    }
}
