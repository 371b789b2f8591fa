package ps.takamul.core.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Checks the document that describes a service's interface: an OpenAPI 3 document (JSON or YAML)
 * for a REST service, a WSDL 1.1 for a SOAP one. Contracts are published to consumers, so a broken
 * one is found at start-up rather than by the first consumer who reads it.
 */
final class ContractDocuments {
    static final String WSDL_NAMESPACE = "http://schemas.xmlsoap.org/wsdl/";
    private static final Pattern OPENAPI_3 = Pattern.compile("3\\.\\d+(\\.\\d+)?(-\\S+)?");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** No DTDs: a contract must not make the node resolve entities or fetch anything. */
    private static final XMLInputFactory XML = secureXml();

    private ContractDocuments() {
    }

    /**
     * What is wrong with the contract, or null if it is fine.
     *
     * @param written the path as the catalogue writes it, for the message
     */
    static String problem(ContractType type, Path file, String written) {
        if (!Files.isRegularFile(file)) {
            return "no file " + written + " (paths are relative to the catalogue file's folder)";
        }
        try {
            String problem = type == ContractType.OPENAPI ? openApiProblem(file) : wsdlProblem(file);
            return problem == null ? null : written + " " + problem;
        } catch (IOException e) {
            return written + " cannot be read: " + e.getMessage();
        }
    }

    private static String openApiProblem(Path file) throws IOException {
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        JsonNode document;
        try {
            document = (json ? JSON : YAML).readTree(file.toFile());
        } catch (JsonProcessingException e) {
            return "cannot be parsed as " + (json ? "JSON" : "YAML") + ": line "
                    + e.getLocation().getLineNr() + ": " + e.getOriginalMessage();
        }
        if (document == null || !document.isObject()) {
            return "is not an OpenAPI 3 document: it is not a map of fields";
        }
        JsonNode version = document.get("openapi");
        if (version == null || !version.isValueNode()) {
            return "is not an OpenAPI 3 document: it has no 'openapi' field"
                    + (document.has("swagger") ? " (Swagger 2.0 is not supported)" : "");
        }
        if (!OPENAPI_3.matcher(version.asText()).matches()) {
            return "is not an OpenAPI 3 document: its 'openapi' field is '" + version.asText() + "'";
        }
        return null;
    }

    private static String wsdlProblem(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader reader = XML.createXMLStreamReader(in);
            try {
                boolean root = true;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD) {
                        return "has a DOCTYPE: contracts may not declare DTDs or entities";
                    }
                    if (event == XMLStreamConstants.START_ELEMENT && root) {
                        root = false;
                        if (!WSDL_NAMESPACE.equals(reader.getNamespaceURI()) || !"definitions".equals(reader.getLocalName())) {
                            return "is not a WSDL 1.1 document: its root element is {" + reader.getNamespaceURI() + "}"
                                    + reader.getLocalName() + ", not wsdl:definitions in " + WSDL_NAMESPACE;
                        }
                    }
                }
                return root ? "is not a WSDL 1.1 document: it has no element" : null;
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            return "is not well-formed XML" + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNumber() + ")")
                    + ": " + withoutLocation(e.getMessage());
        }
    }

    /** StAX messages may start with their own "ParseError at [row,col]" line. */
    private static String withoutLocation(String message) {
        int at = message == null ? -1 : message.indexOf("Message: ");
        return at < 0 ? String.valueOf(message) : message.substring(at + "Message: ".length());
    }

    private static XMLInputFactory secureXml() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }
}
