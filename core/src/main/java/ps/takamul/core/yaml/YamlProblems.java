package ps.takamul.core.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Says where a YAML configuration file is wrong, by line and field, for the people who edit it. */
public final class YamlProblems {
    private YamlProblems() {
    }

    /** {@code line N: field.path: what Jackson found wrong} while reading the file. */
    public static String describe(ObjectMapper yaml, Path file, JsonProcessingException e) {
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            try {
                return describe(YamlLines.of(yaml.getFactory(), file), e);
            } catch (IOException ignored) {
                // the file cannot be read again: Jackson's own location below
            }
        }
        JsonLocation location = e.getLocation();
        return (location == null ? "" : "line " + location.getLineNr() + ": ") + e.getOriginalMessage();
    }

    /**
     * {@code line N: field.path: what Jackson found wrong} while binding a tree read from the file.
     * The line is found by path, not taken from Jackson: for an unknown key of a record Jackson
     * reports the end of the entry, possibly many lines below the typo, and a tree has no lines.
     */
    public static String describe(YamlLines lines, JsonProcessingException e) {
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return at(lines, pathOf(m), e.getOriginalMessage());
        }
        return e.getOriginalMessage();
    }

    /** {@code line N: field.path: message}, the form every configuration problem takes. */
    public static String at(YamlLines lines, List<Object> path, String message) {
        return "line " + lines.lineOf(path) + ": " + YamlLines.describe(path) + ": " + message;
    }

    private static List<Object> pathOf(MismatchedInputException e) {
        List<Object> path = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            path.add(ref.getFieldName() != null ? ref.getFieldName() : (Object) ref.getIndex());
        }
        return path;
    }
}
