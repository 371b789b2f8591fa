package ps.takamul.routes.mediation;

import java.util.Set;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import java.io.IOException;
import javax.xml.stream.XMLInputFactory;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.MessageHeaders;
import ps.takamul.core.protocol.TakamulException;

/**
 * For mediation routes: turns an XML payload into JSON with Jackson. The root element's children
 * become the object's fields, repeated elements become arrays, text stays text (UTF-8 in, UTF-8
 * out, Arabic untouched). Bound in the registry as {@code xmlToJson}.
 *
 * <p>XML cannot tell a list of one from a single element, so a route names the elements that are
 * lists in the exchange property {@value #ARRAYS} (comma-separated element names): they become
 * JSON arrays at any depth even when the answer holds only one, so a client sees one shape.
 */
public final class XmlToJson implements Processor {
    /** Exchange property: element names that are always JSON arrays. */
    public static final String ARRAYS = "takamulJsonArrays";

    private final XmlMapper xml = new XmlMapper(new XmlFactory(hardened()));
    private final ObjectMapper json = new ObjectMapper();

    /** The provider is not trusted with entities either: no DTDs, no external entities. */
    private static XMLInputFactory hardened() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    @Override
    public void process(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        JsonNode tree;
        try {
            tree = xml.readTree(body);
        } catch (IOException e) {
            throw new TakamulException(ErrorCode.PROVIDER_FAULT, "the provider's answer is not XML that can be converted");
        }
        String arrays = exchange.getProperty(ARRAYS, String.class);
        if (arrays != null && !arrays.isBlank()) {
            alwaysArrays(tree, Set.of(arrays.split("\\s*,\\s*")));
        }
        try {
            exchange.getMessage().setBody(json.writeValueAsBytes(tree));
        } catch (IOException e) {
            throw new TakamulException(ErrorCode.INTERNAL_ERROR, "JSON conversion failed");
        }
        exchange.getMessage().setHeader(MessageHeaders.CONTENT_TYPE, "application/json; charset=UTF-8");
    }

    private static void alwaysArrays(JsonNode node, Set<String> names) {
        if (node instanceof ObjectNode object) {
            for (var field : object.properties()) {
                JsonNode value = field.getValue();
                if (names.contains(field.getKey()) && !value.isArray()) {
                    field.setValue(object.arrayNode().add(value));
                }
                alwaysArrays(field.getValue(), names);
            }
        } else if (node.isArray()) {
            node.forEach(child -> alwaysArrays(child, names));
        }
    }
}
