package ps.takamul.core.agreement;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reduces a JSON response to the JSON Pointers (RFC 6901) an agreement allows.
 *
 * <p>Allowing a pointer allows everything below it; the objects and arrays above an allowed pointer
 * are kept as containers holding only their allowed children. One extension to RFC 6901: a segment
 * {@code *} matches every element of an array and every member of an object (so a member literally
 * named {@code *} can only be reached through the wildcard). The empty pointer, which RFC 6901 reads
 * as the whole document, is refused: an agreement that grants everything should say so elsewhere,
 * not through an easily mistyped blank.
 *
 * <p>The body is streamed token by token rather than bound to a tree, so numbers are copied in
 * their original text ({@code 1.10} stays {@code 1.10}) and non-ASCII strings leave as raw UTF-8.
 * String escapes in the input are normalised by the writer ({@code \u0041} becomes {@code A}).
 */
public final class JsonFieldFilter implements FieldFilter {
    /** Thread-safe; writes UTF-8 without escaping non-ASCII characters. */
    private static final JsonFactory JSON = new JsonFactory();

    private final AllowedPaths allowed;

    /**
     * @param allowedPointers the pointers the agreement allows; may be empty (then only {@code {}} or
     *     {@code []} is left)
     * @throws IllegalArgumentException naming the pointer, if one does not start with {@code /} or
     *     has a {@code ~} not followed by {@code 0} or {@code 1}
     */
    public JsonFieldFilter(List<String> allowedPointers) {
        List<List<String>> paths = new ArrayList<>(allowedPointers.size());
        for (String pointer : allowedPointers) {
            paths.add(segments(pointer));
        }
        this.allowed = AllowedPaths.compile(paths);
    }

    /**
     * @param utf8Json a JSON object or array, UTF-8
     * @throws IllegalArgumentException if the body is malformed JSON or not an object or array
     */
    @Override
    public Reduced reduce(byte[] utf8Json) {
        Objects.requireNonNull(utf8Json, "utf8Json");
        ByteArrayOutputStream out = new ByteArrayOutputStream(utf8Json.length);
        List<String> removed = new ArrayList<>();
        try (JsonParser in = JSON.createParser(utf8Json); JsonGenerator gen = JSON.createGenerator(out)) {
            JsonToken root = in.nextToken();
            if (root == null) {
                throw new IllegalArgumentException("malformed JSON response: the body is empty");
            }
            if (root != JsonToken.START_OBJECT && root != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("a JSON response to reduce must be an object or an array, found "
                        + (root.asString() == null ? root : root.asString()));
            }
            new Walk(in, gen, removed).container(allowed, new StringBuilder());
            if (in.nextToken() != null) {
                throw new IllegalArgumentException("malformed JSON response: content after the end of the document at "
                        + position(in));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON response: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr()), e);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory JSON copy failed", e);
        }
        return new Reduced(out.toByteArray(), removed);
    }

    private static String position(JsonParser in) {
        return "line " + in.currentLocation().getLineNr() + ", column " + in.currentLocation().getColumnNr();
    }

    /** One pass over a body: copies allowed values, skips and records the rest. */
    private record Walk(JsonParser in, JsonGenerator out, List<String> removed) {

        /** The parser is on the container's start token; leaves it on the matching end token. */
        void container(AllowedPaths node, StringBuilder path) throws IOException {
            if (in.currentToken() == JsonToken.START_OBJECT) {
                out.writeStartObject();
                while (in.nextToken() == JsonToken.FIELD_NAME) {
                    String name = in.currentName();
                    in.nextToken();
                    member(node.child(name), name, true, path);
                }
                out.writeEndObject();
            } else {
                out.writeStartArray();
                for (int index = 0; in.nextToken() != JsonToken.END_ARRAY; index++) {
                    String name = Integer.toString(index);
                    member(node.child(name), name, false, path);
                }
                out.writeEndArray();
            }
        }

        /** The parser is on the member's value. A scalar where the agreement expects a container is not allowed. */
        private void member(AllowedPaths node, String name, boolean inObject, StringBuilder path) throws IOException {
            int parentLength = path.length();
            path.append('/').append(escape(name));
            if (node == null || !(node.whole() || in.currentToken().isStructStart())) {
                removed.add(path.toString());
                in.skipChildren();
            } else {
                if (inObject) {
                    out.writeFieldName(name);
                }
                if (node.whole()) {
                    copyExactly();
                } else {
                    container(node, path);
                }
            }
            path.setLength(parentLength);
        }

        /** Like {@code copyCurrentStructure}, but numbers keep their source text instead of going through double. */
        private void copyExactly() throws IOException {
            int depth = 0;
            do {
                JsonToken token = in.currentToken();
                switch (token) {
                    case START_OBJECT -> { out.writeStartObject(); depth++; }
                    case START_ARRAY -> { out.writeStartArray(); depth++; }
                    case END_OBJECT -> { out.writeEndObject(); depth--; }
                    case END_ARRAY -> { out.writeEndArray(); depth--; }
                    case FIELD_NAME -> out.writeFieldName(in.currentName());
                    case VALUE_STRING -> out.writeString(in.getTextCharacters(), in.getTextOffset(), in.getTextLength());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> out.writeNumber(in.getText());
                    case VALUE_TRUE, VALUE_FALSE -> out.writeBoolean(token == JsonToken.VALUE_TRUE);
                    case VALUE_NULL -> out.writeNull();
                    default -> throw new IllegalStateException("unexpected JSON token " + token);
                }
            } while (depth > 0 && in.nextToken() != null);
        }
    }

    /** Splits and unescapes one pointer, refusing it with its text when it is not RFC 6901. */
    static List<String> segments(String pointer) {
        if (pointer == null || !pointer.startsWith("/")) {
            throw new IllegalArgumentException("allowed JSON pointer must start with '/': \"" + pointer + "\"");
        }
        List<String> segments = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            segments.add(unescape(raw, pointer));
        }
        return segments;
    }

    private static String unescape(String raw, String pointer) {
        if (raw.indexOf('~') < 0) {
            return raw;
        }
        StringBuilder segment = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '~') {
                segment.append(c);
            } else if (i + 1 < raw.length() && (raw.charAt(i + 1) == '0' || raw.charAt(i + 1) == '1')) {
                segment.append(raw.charAt(++i) == '0' ? '~' : '/');
            } else {
                throw new IllegalArgumentException("allowed JSON pointer has a bad escape (only ~0 and ~1 are defined): \""
                        + pointer + "\"");
            }
        }
        return segment.toString();
    }

    private static String escape(String name) {
        if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
            return name;
        }
        return name.replace("~", "~0").replace("/", "~1");
    }
}
