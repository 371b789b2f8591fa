package ps.takamul.core.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A JSON Schema (draft 2020-12) for a kind of YAML configuration file, shipped as a class-path
 * resource so editors can use the same file. Problems name the line and the field.
 *
 * <p>Schemas may give a keyword a message people understand better than the validator's own, in
 * a {@code message} map beside it (e.g. {@code "message": {"pattern": "must be a duration such as 5s"}}).
 * The validator reads those texts as {@link java.text.MessageFormat} patterns, so they must hold
 * no braces or single quotes.
 */
public final class YamlSchema {
    /** Keywords whose problem is a key: the path names the key, not the entry holding it. */
    private static final Set<String> KEY_KEYWORDS = Set.of("required", "additionalProperties", "unevaluatedProperties");
    private static final Set<String> UNKNOWN_KEY_KEYWORDS = Set.of("additionalProperties", "unevaluatedProperties");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().errorMessageKeyword("message").build()));

    private final Schema schema;

    private YamlSchema(Schema schema) {
        this.schema = schema;
    }

    /** @param resource the schema's class-path name, e.g. {@code /schema/catalogue.schema.json} */
    public static YamlSchema fromResource(String resource) {
        try (InputStream in = YamlSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema " + resource + " is not on the class path");
            }
            Schema schema = REGISTRY.getSchema(in);
            schema.initializeValidators();
            return new YamlSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file that passed the schema, bound to its type, with its lines for later checks. */
    public record Valid<T>(T value, YamlLines lines) {
    }

    /**
     * Reads a YAML file, checks it against this schema and binds it.
     *
     * @return the file's content, or null if the file is empty or has problems: those are added to
     *     {@code problems}, each as {@code file: line N: field.path: message}
     */
    public <T> Valid<T> read(ObjectMapper yaml, Path file, Class<T> type, List<String> problems) {
        String name = file.getFileName().toString();
        try {
            JsonNode tree = yaml.readTree(file.toFile());
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return null;
            }
            YamlLines lines = YamlLines.of(yaml.getFactory(), file);
            List<String> found = problems(tree, lines);
            if (!found.isEmpty()) {
                found.forEach(p -> problems.add(name + ": " + p));
                return null;
            }
            try {
                return new Valid<>(yaml.treeToValue(tree, type), lines);
            } catch (JsonProcessingException e) {
                problems.add(name + ": " + YamlProblems.describe(lines, e));
                return null;
            }
        } catch (JsonProcessingException e) {
            problems.add(name + ": " + YamlProblems.describe(yaml, file, e));
        } catch (IOException e) {
            problems.add(name + ": cannot read: " + e.getMessage());
        }
        return null;
    }

    /**
     * Every problem of the document, as {@code line N: field.path: message}. Unknown keys come first:
     * a misspelt key is also reported as the missing one it was meant to be, and the typo is the
     * cause. Then the rest, top to bottom.
     */
    List<String> problems(JsonNode document, YamlLines lines) {
        List<Problem> found = new ArrayList<>();
        for (Error error : schema.validate(document)) {
            found.add(Problem.of(error, lines));
        }
        found.sort(Comparator.comparing((Problem p) -> !p.unknownKey()).thenComparingInt(Problem::line)
                .thenComparing(Problem::text));
        return found.stream().map(Problem::text).distinct().toList();
    }

    private record Problem(boolean unknownKey, int line, String text) {
        static Problem of(Error error, YamlLines lines) {
            List<Object> entry = pathOf(error.getInstanceLocation());
            List<Object> path = new ArrayList<>(entry);
            String keyword = error.getKeyword();
            if (KEY_KEYWORDS.contains(keyword) && error.getProperty() != null
                    && (path.isEmpty() || !error.getProperty().equals(path.get(path.size() - 1)))) {
                path.add(error.getProperty());
            }
            boolean unknownKey = UNKNOWN_KEY_KEYWORDS.contains(keyword);
            // a missing key has no line of its own: point at the entry that lacks it
            int line = lines.lineOf("required".equals(keyword) ? entry : path);
            return new Problem(unknownKey, line, "line " + line + ": " + YamlLines.describe(path) + ": "
                    + message(keyword, error));
        }

        private static String message(String keyword, Error error) {
            return switch (keyword == null ? "" : keyword) {
                case "required" -> "is required";
                case "additionalProperties", "unevaluatedProperties" -> "unknown key (misspelt, or not allowed here)";
                case "enum" -> "'" + error.getInstanceNode().asText() + "' is not one of " + choices(error.getSchemaNode());
                default -> error.getMessage();
            };
        }
    }

    /** {@code [rest, soap]}: an enum's values as they are written in YAML. */
    private static String choices(JsonNode values) {
        List<String> texts = new ArrayList<>();
        values.forEach(v -> texts.add(v.asText()));
        return texts.toString();
    }

    private static List<Object> pathOf(NodePath location) {
        List<Object> path = new ArrayList<>();
        for (int i = 0; i < location.getNameCount(); i++) {
            path.add(location.getElement(i));
        }
        return path;
    }
}
