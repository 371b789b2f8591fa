package ps.takamul.node.config;

import java.util.Arrays;
import java.util.List;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import ps.takamul.core.Durations;

/**
 * The node's configuration: built-in defaults, then {@code config/takamul.properties}, then
 * {@code -D} system properties, then explicit overrides (tests), each layer winning over the one
 * before. Every key is listed, with its meaning, in {@code takamul-defaults.properties}.
 */
public final class NodeSettings {
    private final Properties values;

    private NodeSettings(Properties values) {
        this.values = values;
    }

    public static NodeSettings load(Path file, Map<String, String> overrides) {
        Properties p = new Properties();
        try (InputStream defaults = NodeSettings.class.getResourceAsStream("/takamul-defaults.properties")) {
            p.load(new java.io.InputStreamReader(defaults, StandardCharsets.UTF_8));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("takamul-defaults.properties is missing from the class path", e);
        }
        if (file != null && Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        System.getProperties().forEach((k, v) -> {
            if (p.containsKey(k) || k.toString().startsWith("takamul.")) {
                p.setProperty(k.toString(), v.toString());
            }
        });
        overrides.forEach(p::setProperty);
        return new NodeSettings(p);
    }

    /** All settings, for Camel's property placeholders in the catalogue and the YAML routes. */
    public Properties asProperties() {
        Properties copy = new Properties();
        copy.putAll(values);
        return copy;
    }

    public String get(String key) {
        String v = values.getProperty(key);
        if (v == null) {
            throw new IllegalStateException("setting " + key + " is missing");
        }
        return v.trim();
    }

    public int getInt(String key) {
        try {
            return Integer.parseInt(get(key));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("setting " + key + " must be a whole number, was '" + get(key) + "'");
        }
    }

    public long getLong(String key) {
        try {
            return Long.parseLong(get(key));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("setting " + key + " must be a whole number, was '" + get(key) + "'");
        }
    }

    public boolean getBoolean(String key) {
        String v = get(key);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalStateException("setting " + key + " must be true or false, was '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    public Duration getDuration(String key) {
        try {
            return Durations.parse(get(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("setting " + key + ": " + e.getMessage());
        }
    }

    public Path getPath(String key) {
        return Path.of(get(key));
    }

    /** A comma-separated list of folders. */
    public List<Path> getPaths(String key) {
        return Arrays.stream(get(key).split(",")).map(String::trim).filter(v -> !v.isEmpty())
                .map(Path::of).toList();
    }

    public String nodeId() {
        return get("takamul.node.id");
    }

    public NodeRole role() {
        try {
            return NodeRole.valueOf(get("takamul.node.role").toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("setting takamul.node.role must be hub or gateway");
        }
    }
}
