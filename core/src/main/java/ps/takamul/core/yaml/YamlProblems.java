package ps.takamul.core.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Says where a YAML configuration file is wrong, by line and field, for the people who edit it. */
public final class YamlProblems {
    private YamlProblems() {
    }

    /** {@code line N: field.path: what Jackson found wrong}. */
    public static String describe(ObjectMapper yaml, Path file, JsonProcessingException e) {
        return describe(e, locate(yaml, file, e));
    }

    private static String describe(JsonProcessingException e, JsonLocation location) {
        String where = location == null ? "" : "line " + location.getLineNr() + ": ";
        String path = e instanceof MismatchedInputException m && !m.getPath().isEmpty()
                ? pathOf(m) + ": " : "";
        return where + path + e.getOriginalMessage();
    }

    /**
     * Where the problem is. Jackson reports an unknown key of a record (every catalogue entry is
     * one) only after it has read the whole entry, so its location is the entry's end, possibly
     * many lines below the typo; find the key itself by its path instead.
     */
    private static JsonLocation locate(ObjectMapper yaml, Path file, JsonProcessingException e) {
        if (!(e instanceof UnrecognizedPropertyException u) || u.getPath().isEmpty()) {
            return e.getLocation();
        }
        List<Object> wanted = new ArrayList<>();
        for (JsonMappingException.Reference ref : u.getPath()) {
            wanted.add(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
        }
        try (JsonParser p = yaml.getFactory().createParser(file.toFile())) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && wanted.equals(pathOf(p.getParsingContext()))) {
                    return p.currentTokenLocation();
                }
            }
        } catch (IOException ignored) {
            // fall back to Jackson's own location
        }
        return e.getLocation();
    }

    /** The path of the parser's current position: field names and array indexes, from the root. */
    private static List<Object> pathOf(JsonStreamContext context) {
        List<Object> path = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            path.add(0, c.inArray() ? (Object) c.getCurrentIndex() : c.getCurrentName());
        }
        return path;
    }

    private static String pathOf(MismatchedInputException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

}
