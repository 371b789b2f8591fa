package ps.takamul.core.catalogue;

import java.util.Map;

/**
 * Which connector calls a service's provider, and its settings as written in the catalogue.
 * Values may hold Camel property placeholders ({@code {{civil-registry.url}}}); they are resolved
 * and validated against the connector's own config definition when the provider route starts.
 */
public record ConnectorSettings(String type, Map<String, String> settings) {
    public ConnectorSettings {
        settings = Map.copyOf(settings);
    }
}
