package ps.takamul.connector;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The connectors on the class path, found through {@link ServiceLoader}, by type. */
public final class Connectors {
    private final Map<String, Connector> byType = new TreeMap<>();

    private Connectors() {
    }

    public static Connectors discover() {
        return discover(Connectors.class.getClassLoader());
    }

    public static Connectors discover(ClassLoader loader) {
        Connectors connectors = new Connectors();
        for (Connector c : ServiceLoader.load(Connector.class, loader)) {
            Connector previous = connectors.byType.putIfAbsent(c.type(), c);
            if (previous != null) {
                throw new IllegalStateException("two connectors claim type '" + c.type() + "': "
                        + previous.getClass().getName() + " and " + c.getClass().getName());
            }
        }
        return connectors;
    }

    public Optional<Connector> get(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Collection<Connector> all() {
        return byType.values();
    }
}
