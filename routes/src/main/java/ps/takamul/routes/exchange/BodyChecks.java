package ps.takamul.routes.exchange;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;

/**
 * Refuses malformed or dangerous bodies before anything is enqueued: a provider's legacy parser
 * must never be the first to see a billion-laughs document or broken JSON.
 */
public final class BodyChecks {
    private static final JsonFactory JSON = new JsonFactory();
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();
    private static final Pattern QUOTED = Pattern.compile("'([^']{2,})'");
    private static final Set<String> JSON_KEYWORDS = Set.of("null", "true", "false");

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private BodyChecks() {
    }

    /**
     * The body as bytes. Looks first at what is there: asking Camel's type converters to turn an
     * absent body into bytes walks the whole converter registry, on every GET.
     */
    public static byte[] bytesOf(org.apache.camel.Message message) {
        Object raw = message.getBody();
        if (raw == null) {
            return new byte[0];
        }
        if (raw instanceof byte[] bytes) {
            return bytes;
        }
        byte[] converted = message.getBody(byte[].class);
        return converted == null ? new byte[0] : converted;
    }

    public static void checkSize(byte[] body, long max) {
        if (body != null && body.length > max) {
            throw new TakamulException(ErrorCode.BODY_TOO_LARGE,
                    "request body has " + body.length + " bytes; the limit is " + max);
        }
    }

    /** Checks a body whose content type is JSON or XML; other types pass through untouched. */
    public static void checkWellFormed(byte[] body, String contentType) {
        if (body == null || body.length == 0 || contentType == null) {
            return;
        }
        String type = contentType.toLowerCase();
        if (type.contains("json")) {
            checkJson(body);
        } else if (type.contains("xml")) {
            checkXml(body);
        }
    }

    static void checkJson(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() == null) {
                throw new TakamulException(ErrorCode.INVALID_BODY, "JSON body is empty");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new TakamulException(ErrorCode.INVALID_BODY, "JSON body has content after the first value");
            }
        } catch (JsonProcessingException e) {
            // getOriginalMessage leaves out the location, which may quote the body.
            throw new TakamulException(ErrorCode.INVALID_BODY,
                    "malformed JSON: " + firstLine(withoutQuotedTokens(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new TakamulException(ErrorCode.INVALID_BODY, "unreadable JSON body");
        }
    }

    static void checkXml(byte[] body) {
        try {
            XMLStreamReader reader = XML.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                        throw forbidden();
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("DOCTYPE") || message.contains("DTD") || message.contains("ntity")) {
                throw forbidden();
            }
            throw new TakamulException(ErrorCode.INVALID_BODY, "malformed XML: " + firstLine(message));
        }
    }

    private static TakamulException forbidden() {
        return new TakamulException(ErrorCode.FORBIDDEN_XML,
                "XML bodies may not contain a DOCTYPE or entity declarations");
    }

    /**
     * Jackson quotes a token it does not recognise, and that token is the body's own text
     * ({@code Unrecognized token 'x987526233'}): replace every quoted run longer than one character
     * except JSON's keywords, which Jackson quotes when it says what it expected. Runs before
     * {@link #firstLine} cuts the message, or a cut token would lose its closing quote.
     */
    private static String withoutQuotedTokens(String message) {
        if (message == null) {
            return null;
        }
        return QUOTED.matcher(message).replaceAll(m -> JSON_KEYWORDS.contains(m.group(1))
                ? Matcher.quoteReplacement(m.group()) : "'…'");
    }

    /** Parser messages can quote the input; keep only the first line, and cut it short. */
    private static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
