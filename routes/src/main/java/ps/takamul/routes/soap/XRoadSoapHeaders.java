package ps.takamul.routes.soap;

import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.identifier.IdentifierException;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;
import ps.takamul.core.protocol.XRoadHeaders;

/**
 * The SOAP headers of X-Road message protocol 4.0, read from the request's header elements:
 * {@code client}, {@code service}, {@code id}, {@code userId}, {@code issue},
 * {@code protocolVersion}, and Takamul's {@code purpose}.
 */
public record XRoadSoapHeaders(ClientId client, ServiceId service, String id, String userId, String issue,
                               String purpose, List<Element> elements) {

    public static XRoadSoapHeaders read(List<Element> headers) {
        Element client = null;
        Element service = null;
        String id = null;
        String userId = null;
        String issue = null;
        String protocolVersion = null;
        String purpose = null;
        List<Element> echoed = new ArrayList<>();
        for (Element h : headers) {
            String ns = h.getNamespaceURI();
            if (XRoadHeaders.XROAD_NS.equals(ns)) {
                echoed.add(h);
                switch (h.getLocalName()) {
                    case "client" -> client = h;
                    case "service" -> service = h;
                    case "id" -> id = h.getTextContent().strip();
                    case "userId" -> userId = h.getTextContent().strip();
                    case "issue" -> issue = h.getTextContent().strip();
                    case "protocolVersion" -> protocolVersion = h.getTextContent().strip();
                    default -> { }
                }
            } else if (XRoadHeaders.TAKAMUL_NS.equals(ns) && "purpose".equals(h.getLocalName())) {
                echoed.add(h);
                purpose = h.getTextContent().strip();
            }
        }
        require(client, "client");
        require(service, "service");
        require(id, "id");
        require(protocolVersion, "protocolVersion");
        if (!XRoadHeaders.PROTOCOL_VERSION.equals(protocolVersion)) {
            throw new TakamulException(ErrorCode.INVALID_BODY,
                    "protocolVersion must be " + XRoadHeaders.PROTOCOL_VERSION);
        }
        try {
            return new XRoadSoapHeaders(clientOf(client), serviceOf(service), id, userId, issue, purpose, echoed);
        } catch (IdentifierException e) {
            throw new TakamulException(ErrorCode.INVALID_IDENTIFIER, e.getMessage());
        }
    }

    private static void require(Object value, String name) {
        if (value == null || (value instanceof String s && s.isEmpty())) {
            throw new TakamulException(ErrorCode.MISSING_HEADER, "SOAP header xrd:" + name + " is required");
        }
    }

    private static ClientId clientOf(Element e) {
        String type = objectType(e);
        if (!"MEMBER".equals(type) && !"SUBSYSTEM".equals(type)) {
            throw new IdentifierException("client objectType must be MEMBER or SUBSYSTEM, was '" + type + "'");
        }
        MemberId member = new MemberId(child(e, "xRoadInstance"), child(e, "memberClass"), child(e, "memberCode"));
        return new ClientId(member, "SUBSYSTEM".equals(type) ? child(e, "subsystemCode") : null);
    }

    private static ServiceId serviceOf(Element e) {
        if (!"SERVICE".equals(objectType(e))) {
            throw new IdentifierException("service objectType must be SERVICE");
        }
        MemberId member = new MemberId(child(e, "xRoadInstance"), child(e, "memberClass"), child(e, "memberCode"));
        return member.subsystem(child(e, "subsystemCode")).service(child(e, "serviceCode"), optionalChild(e, "serviceVersion"));
    }

    private static String objectType(Element e) {
        return e.getAttributeNS(XRoadHeaders.IDENTIFIERS_NS, "objectType");
    }

    private static String child(Element parent, String name) {
        String value = optionalChild(parent, name);
        if (value == null) {
            throw new IdentifierException(parent.getLocalName() + " has no " + name);
        }
        return value;
    }

    private static String optionalChild(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && XRoadHeaders.IDENTIFIERS_NS.equals(c.getNamespaceURI())
                    && name.equals(c.getLocalName())) {
                return c.getTextContent().strip();
            }
        }
        return null;
    }

    static QName name(String local) {
        return new QName(XRoadHeaders.XROAD_NS, local);
    }
}
