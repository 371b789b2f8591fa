package ps.takamul.routes.metadata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.core.protocol.XRoadHeaders;

/**
 * X-Road's XML vocabulary for the metaservices: elements in the {@code xrd} namespace carrying
 * identifiers in the {@code id} namespace, as in X-Road's service metadata protocol.
 */
final class XRoadXml {
    private static final DocumentBuilderFactory FACTORY = DocumentBuilderFactory.newInstance();
    /** For documents from outside (request bodies, contract files): no DOCTYPE, so no entities. */
    private static final DocumentBuilderFactory PARSER = DocumentBuilderFactory.newInstance();

    static {
        FACTORY.setNamespaceAware(true);
        PARSER.setNamespaceAware(true);
        PARSER.setExpandEntityReferences(false);
        try {
            PARSER.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            PARSER.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private XRoadXml() {
    }

    static Document newDocument() {
        try {
            return FACTORY.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a document that may not declare a DOCTYPE. */
    static Document parse(byte[] xml) throws SAXException, IOException {
        try {
            return PARSER.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An element {@code xrd:name}. */
    static Element element(Document doc, String name) {
        return doc.createElementNS(XRoadHeaders.XROAD_NS, "xrd:" + name);
    }

    /** An element {@code xrd:name} with text. */
    static Element text(Document doc, String name, String text) {
        Element e = element(doc, name);
        e.setTextContent(text);
        return e;
    }

    /** {@code <xrd:name id:objectType="SERVICE">} with the service's identifier parts. */
    static Element service(Document doc, String name, ServiceId service) {
        Element e = withObjectType(doc, name, "SERVICE");
        appendMember(e, service.member().instance(), service.member().memberClass(), service.member().memberCode());
        appendId(e, "subsystemCode", service.subsystem().subsystemCode());
        appendId(e, "serviceCode", service.serviceCode());
        if (service.version() != null) {
            appendId(e, "serviceVersion", service.version());
        }
        return e;
    }

    /** {@code <xrd:name id:objectType="MEMBER|SUBSYSTEM">} with the client's identifier parts. */
    static Element client(Document doc, String name, ClientId client) {
        Element e = withObjectType(doc, name, client.isSubsystem() ? "SUBSYSTEM" : "MEMBER");
        appendMember(e, client.member().instance(), client.member().memberClass(), client.member().memberCode());
        if (client.isSubsystem()) {
            appendId(e, "subsystemCode", client.subsystemCode());
        }
        return e;
    }

    private static Element withObjectType(Document doc, String name, String objectType) {
        Element e = element(doc, name);
        e.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:id", XRoadHeaders.IDENTIFIERS_NS);
        e.setAttributeNS(XRoadHeaders.IDENTIFIERS_NS, "id:objectType", objectType);
        return e;
    }

    private static void appendMember(Element e, String instance, String memberClass, String memberCode) {
        appendId(e, "xRoadInstance", instance);
        appendId(e, "memberClass", memberClass);
        appendId(e, "memberCode", memberCode);
    }

    private static void appendId(Element parent, String name, String value) {
        Element e = parent.getOwnerDocument().createElementNS(XRoadHeaders.IDENTIFIERS_NS, "id:" + name);
        e.setTextContent(value);
        parent.appendChild(e);
    }
}
