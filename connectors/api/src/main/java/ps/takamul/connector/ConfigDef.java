package ps.takamul.connector;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import ps.takamul.core.Durations;

/**
 * The settings a connector accepts, in the manner of Kafka Connect's {@code ConfigDef}: each
 * declared once with its type, default and documentation, so the same definition validates a
 * catalogue entry and writes the connector's reference table in the docs.
 */
public final class ConfigDef {

    /** Value types, each with the parser that turns catalogue text into a Java value. */
    public enum Type {
        STRING(s -> s),
        INT(Integer::valueOf),
        BOOLEAN(s -> {
            if (!s.equals("true") && !s.equals("false")) {
                throw new IllegalArgumentException("must be true or false");
            }
            return Boolean.valueOf(s);
        }),
        DURATION(Durations::parse),
        HTTP_URL(ConfigDef::parseHttpUrl);

        private final Function<String, Object> parser;

        Type(Function<String, Object> parser) {
            this.parser = parser;
        }
    }

    /** One setting. A null default means the setting is required. */
    public record Key(String name, Type type, String defaultValue, String documentation) {
        public boolean required() {
            return defaultValue == null;
        }
    }

    private final Map<String, Key> keys = new LinkedHashMap<>();

    public ConfigDef define(String name, Type type, String defaultValue, String documentation) {
        if (keys.putIfAbsent(name, new Key(name, type, defaultValue, documentation)) != null) {
            throw new IllegalStateException("setting '" + name + "' defined twice");
        }
        return this;
    }

    public ConfigDef required(String name, Type type, String documentation) {
        return define(name, type, null, documentation);
    }

    public List<Key> keys() {
        return List.copyOf(keys.values());
    }

    /**
     * Checks the given settings and returns them typed; every problem is collected and thrown
     * together so one catalogue error does not hide the next.
     */
    public ConnectorConfig parse(Map<String, String> settings) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        settings.keySet().stream().filter(k -> !keys.containsKey(k)).sorted()
                .forEach(k -> problems.add("'" + k + "': unknown setting; known: " + keys.keySet()));
        for (Key key : keys.values()) {
            String raw = settings.get(key.name());
            if (raw == null || raw.isBlank()) {
                if (key.required()) {
                    problems.add("'" + key.name() + "': required (" + key.documentation() + ")");
                    continue;
                }
                raw = key.defaultValue();
            }
            try {
                values.put(key.name(), key.type().parser.apply(raw.trim()));
            } catch (RuntimeException e) {
                problems.add("'" + key.name() + "': '" + raw + "' is not a valid "
                        + key.type().name().toLowerCase() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConnectorConfigException(problems);
        }
        return new ConnectorConfig(values);
    }

    /** The reference table for docs/connectors.md. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder("| setting | type | default | meaning |\n|---|---|---|---|\n");
        for (Key k : keys.values()) {
            sb.append("| `").append(k.name()).append("` | ").append(k.type().name().toLowerCase())
                    .append(" | ").append(k.required() ? "*required*" : k.defaultValue().isEmpty() ? "(empty)" : "`" + k.defaultValue() + "`")
                    .append(" | ").append(k.documentation()).append(" |\n");
        }
        return sb.toString();
    }

    static URI parseHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("scheme must be http or https");
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("host is missing");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e.getReason());
        }
    }
}
