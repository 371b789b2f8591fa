package ps.takamul.routes.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import ps.takamul.core.agreement.Agreements;
import ps.takamul.core.agreement.DataSharingAgreement;
import ps.takamul.core.agreement.Operation;
import ps.takamul.core.catalogue.DataSubject;
import ps.takamul.core.catalogue.ServiceDescription;

/**
 * Finds the national ID a request is about, where its service declares one ({@code dataSubject}
 * in the catalogue), so the audit log can answer "who asked about me". A request the node could
 * not read gives none; finding it never fails an exchange.
 */
final class DataSubjects {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final XMLInputFactory XML = secureFactory();
    /** National IDs and their like are short; anything longer is not an identifier. */
    private static final int MAX_LENGTH = 64;

    private DataSubjects() {
    }

    /**
     * @param method  the HTTP method (REST) or {@link Operation#SOAP}
     * @param path    the path below the service, e.g. {@code /848991048}
     * @param query   the raw query string, or null
     * @param headers the request headers as received
     * @param body    the request body (REST) or payload element (SOAP), or null
     */
    static String find(ServiceDescription service, Agreements agreements, String method, String path, String query,
                       Map<String, Object> headers, byte[] body) {
        DataSubject subject = service.dataSubject();
        if (subject == null) {
            return null;
        }
        String found = switch (subject.in()) {
            case PATH -> fromPath(service, agreements, subject.name(), method, path);
            case QUERY -> fromQuery(subject.name(), query);
            case HEADER -> fromHeader(subject.name(), headers);
            case JSON -> fromJson(subject.pointer(), body);
            case XML -> fromXml(subject.pointer(), body);
        };
        return found == null || found.isBlank() || found.length() > MAX_LENGTH ? null : found.strip();
    }

    /** A path variable is named by the operation templates of the service's agreements ({@code GET /{nationalId}}). */
    private static String fromPath(ServiceDescription service, Agreements agreements, String name, String method,
                                   String path) {
        if (path == null || method == null) {
            return null;
        }
        for (DataSharingAgreement agreement : agreements.forService(service.id())) {
            for (Operation operation : agreement.operations()) {
                String value = operation.variable(name, method, path);
                if (value != null) {
                    return URLDecoder.decode(value, StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    private static String fromQuery(String name, String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name) && eq >= 0) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String fromHeader(String name, Map<String, Object> headers) {
        if (headers == null) {
            return null;
        }
        Object value = headers.get(name); // a CaseInsensitiveMap, as AuditTrail.received() keeps it
        return value == null ? null : value.toString();
    }

    private static String fromJson(String pointer, byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body).at(pointer);
            return node.isValueNode() ? node.asText() : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The text of the first element at a path of local names ({@code /PersonByNationalIdRequest/nationalId}). */
    private static String fromXml(String pointer, byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        String[] wanted = pointer.substring(1).split("/");
        List<String> at = new ArrayList<>();
        try {
            XMLStreamReader reader = XML.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        at.add(reader.getLocalName());
                        if (at.equals(List.of(wanted))) {
                            return reader.getElementText();
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        at.remove(at.size() - 1);
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            return null;
        }
        return null;
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }
}
