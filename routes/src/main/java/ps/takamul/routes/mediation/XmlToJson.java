package ps.takamul.routes.mediation;

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
 */
public final class XmlToJson implements Processor {
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
        try {
            exchange.getMessage().setBody(json.writeValueAsBytes(tree));
        } catch (IOException e) {
            throw new TakamulException(ErrorCode.INTERNAL_ERROR, "JSON conversion failed");
        }
        exchange.getMessage().setHeader(MessageHeaders.CONTENT_TYPE, "application/json; charset=UTF-8");
    }
}
