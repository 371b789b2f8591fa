package ps.takamul.routes.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Masks personal fields in a body the audit log keeps whole ({@code bodyLogging: full}). Fields
 * are named, not pathed: a {@code nationalId} is personal wherever it sits in an answer. A value
 * of digits keeps its last two (so an auditor can still tell two apart); any other becomes
 * {@code ***}. A body that is neither JSON nor XML, or does not parse, is not kept at all: an
 * unmasked copy must never reach the log.
 */
public final class BodyMask {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String MASK = "***";

    private final Set<String> fields;

    public BodyMask(Set<String> fields) {
        this.fields = Set.copyOf(fields);
    }

    /** The masked body, or null when it cannot be masked and so must not be kept. */
    public byte[] apply(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            return body;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        try {
            if (type.contains("json")) {
                JsonNode tree = JSON.readTree(body);
                mask(tree);
                return JSON.writeValueAsBytes(tree);
            }
            if (type.contains("xml")) {
                return maskXml(body);
            }
        } catch (Exception e) {
            return null;
        }
        return null;
    }

    private void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> it = object.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> field = it.next();
                if (fields.contains(field.getKey())) {
                    field.setValue(maskedAll(field.getValue()));
                } else {
                    mask(field.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(this::mask);
        }
    }

    /** A named field is personal whatever its shape: every value under it is masked. */
    private static JsonNode maskedAll(JsonNode node) {
        if (node.isValueNode()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(masked(node.asText()));
        }
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(f -> f.setValue(maskedAll(f.getValue())));
        } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, maskedAll(array.get(i)));
            }
        }
        return node;
    }

    private byte[] maskXml(byte[] body) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.setExpandEntityReferences(false);
        Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String name = e.getLocalName() == null ? e.getTagName() : e.getLocalName();
            if (fields.contains(name)) {
                maskText(e);
            }
            org.w3c.dom.NamedNodeMap attributes = e.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                org.w3c.dom.Node attribute = attributes.item(a);
                String attributeName = attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
                if (fields.contains(attributeName)) {
                    attribute.setNodeValue(masked(attribute.getNodeValue()));
                }
            }
        }
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        transformer.transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }

    /** Every text under a named element, whatever its children. */
    private static void maskText(org.w3c.dom.Node node) {
        for (org.w3c.dom.Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE || child.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
                if (!child.getNodeValue().isBlank()) {
                    child.setNodeValue(masked(child.getNodeValue()));
                }
            } else {
                maskText(child);
            }
        }
    }

    static String masked(String value) {
        String v = value.strip();
        if (v.length() > 2 && v.chars().allMatch(Character::isDigit)) {
            return "*".repeat(v.length() - 2) + v.substring(v.length() - 2);
        }
        return MASK;
    }
}
