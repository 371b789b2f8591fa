package ps.takamul.routes.soap.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.wss4j.common.WSS4JConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.identifier.IdentifierException;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.core.protocol.XRoadHeaders;

/** What Takamul signs in a SOAP message, with which algorithms, and the small DOM helpers around it. */
public final class WsSecurity {
    public static final String SOAP_NS = Soap11.SOAP_NAMESPACE;
    public static final String WSSE_NS = WSS4JConstants.WSSE_NS;
    public static final String WSU_NS = WSS4JConstants.WSU_NS;
    public static final String DSIG_NS = WSS4JConstants.SIG_NS;

    public static final String ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    static final Set<String> SIGNATURE_METHODS = Set.of(ECDSA_SHA256, RSA_SHA256);

    /**
     * The X-Road headers a request signature must cover when present: client, service and id
     * always are (the reader requires them), userId and issue when sent; and Takamul's purpose.
     * Every occurrence must be signed, so a second, unsigned copy of a header cannot slip in.
     */
    public static final List<QName> SIGNED_HEADERS = List.of(
            xrd("client"), xrd("service"), xrd("id"), xrd("userId"), xrd("issue"),
            new QName(XRoadHeaders.TAKAMUL_NS, "purpose"));
    /** Signed in responses when echoed; a request may sign it too. */
    static final QName PROTOCOL_VERSION = xrd("protocolVersion");

    private WsSecurity() {
    }

    static QName xrd(String local) {
        return new QName(XRoadHeaders.XROAD_NS, local);
    }

    /** The signature method for a key: ECDSA-SHA256 for EC keys, RSA-SHA256 for RSA keys. */
    public static String signatureMethodFor(java.security.Key key) {
        return switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> ECDSA_SHA256;
            case "RSA" -> RSA_SHA256;
            default -> throw new IllegalArgumentException("no WS-Security signature method for a " + key.getAlgorithm() + " key");
        };
    }

    static Element child(Element parent, String ns, String local) {
        for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                list.add(e);
            }
        }
        return list;
    }

    static Element header(Document doc) {
        return child(doc.getDocumentElement(), SOAP_NS, "Header");
    }

    static Element body(Document doc) {
        return child(doc.getDocumentElement(), SOAP_NS, "Body");
    }

    /** The text of the first header named so, stripped, or null. */
    static String headerText(Element header, QName name) {
        Element e = child(header, name.getNamespaceURI(), name.getLocalPart());
        return e == null ? null : e.getTextContent().strip();
    }

    /** The member in an X-Road identifier header ({@code xrd:client}, {@code xrd:service}), or null. */
    static MemberId memberOf(Element header, String local) {
        Element e = child(header, XRoadHeaders.XROAD_NS, local);
        try {
            return e == null ? null : new MemberId(id(e, "xRoadInstance"), id(e, "memberClass"), id(e, "memberCode"));
        } catch (IdentifierException | NullPointerException ex) {
            return null;
        }
    }

    /** The client named by {@code xrd:client}, or null when it is missing or malformed. */
    static ClientId clientOf(Element header) {
        MemberId member = memberOf(header, "client");
        if (member == null) {
            return null;
        }
        Element e = child(header, XRoadHeaders.XROAD_NS, "client");
        try {
            return new ClientId(member, id(e, "subsystemCode"));
        } catch (IdentifierException ex) {
            return null;
        }
    }

    private static String id(Element parent, String local) {
        Element e = child(parent, XRoadHeaders.IDENTIFIERS_NS, local);
        return e == null ? null : e.getTextContent().strip();
    }
}
