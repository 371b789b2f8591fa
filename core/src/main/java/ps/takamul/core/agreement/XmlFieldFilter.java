package ps.takamul.core.agreement;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;
import ps.takamul.core.xml.XmlBytes;

/**
 * Reduces an XML (SOAP payload) response to the element paths an agreement allows.
 *
 * <p>Paths are absolute and name elements by local name, e.g. {@code /personResponse/person/firstNameAr};
 * {@code *} stands for any element at its level. Namespaces are ignored for matching because
 * providers disagree on prefixes and even namespace URIs for the same field, while agreements are
 * written by people who think in field names. An allowed element keeps its attributes and
 * everything below it. Elements above an allowed one are kept as containers with their attributes
 * (which carry namespace declarations, so the output stays well-formed), their allowed child
 * elements, and whitespace; their other text is dropped and reported as {@code .../text()}, and
 * their comments and processing instructions are dropped unreported. An element that paths only
 * pass through but that has no child elements (a {@code *} step reaching a text field) is a leaf
 * where the agreement expects a container, so it is removed rather than kept empty. The
 * root element is always kept, emptied if nothing under it is allowed.
 *
 * <p>Payloads come from other institutions, so parsing refuses any DOCTYPE: no external entities,
 * no entity expansion bombs.
 */
public final class XmlFieldFilter implements FieldFilter {
    /** An XML local name (NCName), approximately; enough to catch prefixes, predicates and typos. */
    private static final Pattern LOCAL_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{M}\\p{N}._\\-\\u00B7]*");
    /** What is allowed under a root element that no path names: nothing. */
    private static final AllowedPaths NOTHING = AllowedPaths.compile(List.of());
    private static final DocumentBuilderFactory FACTORY = secureFactory();
    /** Builders are not thread-safe and cost more to make than to reuse. */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(() -> {
        try {
            return FACTORY.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be configured securely", e);
        }
    });

    private final AllowedPaths allowed;

    /**
     * @param allowedPaths absolute element paths by local name, {@code *} for any element at a level
     * @throws IllegalArgumentException naming the path, if one does not start with {@code /} or has a
     *     segment that is not a local name or {@code *}
     */
    public XmlFieldFilter(List<String> allowedPaths) {
        List<List<String>> paths = new ArrayList<>(allowedPaths.size());
        for (String path : allowedPaths) {
            paths.add(segments(path));
        }
        this.allowed = AllowedPaths.compile(paths);
    }

    /**
     * @param xml the payload document; its encoding is read from the XML declaration (UTF-8 by default)
     * @return the reduced document in UTF-8, without an XML declaration
     * @throws IllegalArgumentException if the payload is not well-formed or has a DOCTYPE
     */
    @Override
    public Reduced reduce(byte[] xml) {
        Objects.requireNonNull(xml, "xml");
        Document document = parse(xml);
        Element root = document.getDocumentElement();
        List<String> removed = new ArrayList<>();
        AllowedPaths node = allowed.child(root.getLocalName());
        reduce(root, node == null ? NOTHING : node, "/" + root.getLocalName(), removed);
        try {
            return new Reduced(XmlBytes.of(new DOMSource(document)), removed);
        } catch (TransformerException e) {
            throw new IllegalStateException("reduced XML could not be written", e);
        }
    }

    private static void reduce(Element element, AllowedPaths node, String path, List<String> removed) {
        if (node.whole()) {
            return;
        }
        Node child = element.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (child instanceof Element childElement) {
                String childPath = path + "/" + childElement.getLocalName();
                AllowedPaths childNode = node.child(childElement.getLocalName());
                if (childNode == null || !(childNode.whole() || hasChildElements(childElement))) {
                    removed.add(childPath);
                    removeWithIndent(childElement);
                } else {
                    reduce(childElement, childNode, childPath, removed);
                }
            } else if (!isBlankText(child)) {
                if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                    removed.add(path + "/text()");
                }
                element.removeChild(child);
            }
            child = next;
        }
    }

    private static boolean hasChildElements(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                return true;
            }
        }
        return false;
    }

    /** Takes the indentation before a dropped element with it, so pretty-printed payloads stay tidy. */
    private static void removeWithIndent(Element element) {
        Node before = element.getPreviousSibling();
        if (before != null && isBlankText(before)) {
            element.getParentNode().removeChild(before);
        }
        element.getParentNode().removeChild(element);
    }

    private static boolean isBlankText(Node node) {
        return node.getNodeType() == Node.TEXT_NODE && node.getNodeValue().isBlank();
    }

    private static Document parse(byte[] xml) {
        DocumentBuilder builder = BUILDER.get();
        builder.reset();
        builder.setErrorHandler(new DefaultHandler()); // throws on fatal errors instead of printing them
        try {
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new IllegalArgumentException("malformed or refused XML response: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable XML response: " + e.getMessage(), e);
        }
    }

    static List<String> segments(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("allowed XML path must start with '/': \"" + path + "\"");
        }
        List<String> segments = List.of(path.substring(1).split("/", -1));
        for (String segment : segments) {
            if (!segment.equals(AllowedPaths.ANY) && !LOCAL_NAME.matcher(segment).matches()) {
                throw new IllegalArgumentException("allowed XML path must name elements by local name or '*' (no "
                        + "prefixes, predicates or empty steps): \"" + path + "\"");
            }
        }
        return segments;
    }

    private static DocumentBuilderFactory secureFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser does not support the features needed to refuse DOCTYPEs", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }
}
