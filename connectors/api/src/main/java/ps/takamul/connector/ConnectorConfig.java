package ps.takamul.connector;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** A connector's settings after {@link ConfigDef#parse}: typed, defaults applied, all present. */
public final class ConnectorConfig {
    private final Map<String, Object> values;

    ConnectorConfig(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    public String getString(String name) {
        return (String) get(name);
    }

    public int getInt(String name) {
        return (Integer) get(name);
    }

    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    public Duration getDuration(String name) {
        return (Duration) get(name);
    }

    public URI getUrl(String name) {
        return (URI) get(name);
    }

    private Object get(String name) {
        Object value = values.get(name);
        if (value == null && !values.containsKey(name)) {
            throw new IllegalArgumentException("setting '" + name + "' is not defined by this connector");
        }
        return value;
    }
}
