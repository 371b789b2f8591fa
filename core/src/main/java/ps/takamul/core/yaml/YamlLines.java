package ps.takamul.core.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The line of every key and list item of a YAML file, by path ({@code members, 0, id}). A parsed
 * tree forgets where its nodes were, so problems found in the tree (by a schema, by the loaders'
 * own checks) find their line here.
 */
public final class YamlLines {
    private final Map<List<Object>, Integer> lines;

    private YamlLines(Map<List<Object>, Integer> lines) {
        this.lines = lines;
    }

    /** Reads the file's tokens once; syntax errors surface as they would from parsing the file. */
    public static YamlLines of(JsonFactory yaml, Path file) throws IOException {
        Map<List<Object>, Integer> lines = new HashMap<>();
        lines.put(List.of(), 1);
        try (JsonParser p = yaml.createParser(file.toFile())) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                int line = p.currentTokenLocation().getLineNr();
                JsonStreamContext context = p.getParsingContext();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    // the token opened a new context; the item it starts belongs to the enclosing one
                    context = context.getParent();
                }
                if (t == JsonToken.FIELD_NAME || (context != null && context.inArray() && !t.isStructEnd())) {
                    lines.putIfAbsent(pathOf(context), line);
                }
            }
        }
        return new YamlLines(lines);
    }

    /** The line of the key or item at this path, or of its closest enclosing one that is written. */
    public int lineOf(List<Object> path) {
        for (int n = path.size(); n >= 0; n--) {
            Integer line = lines.get(path.subList(0, n));
            if (line != null) {
                return line;
            }
        }
        return 1;
    }

    /** {@code members[0].subsystems[1].name}: how people read a path. */
    public static String describe(List<Object> path) {
        StringBuilder sb = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                sb.append('[').append(index).append(']');
            } else {
                sb.append(sb.isEmpty() ? "" : ".").append(step);
            }
        }
        return sb.isEmpty() ? "(top level)" : sb.toString();
    }

    /** The path of the parser's current position: field names and array indexes, from the root. */
    static List<Object> pathOf(JsonStreamContext context) {
        List<Object> path = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            path.add(0, c.inArray() ? (Object) c.getCurrentIndex() : c.getCurrentName());
        }
        return path;
    }
}
