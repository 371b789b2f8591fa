package ps.takamul.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import ps.takamul.connector.Connector;
import ps.takamul.connector.ConnectorConfig;
import ps.takamul.connector.ConnectorConfigException;
import ps.takamul.connector.ConnectorContext;
import ps.takamul.connector.Connectors;
import ps.takamul.core.catalogue.CatalogueException;
import ps.takamul.core.catalogue.ServiceDescription;
import ps.takamul.core.identifier.ServiceId;

/**
 * Builds every service's connector before any route starts, so that an unknown connector type or
 * a bad setting stops start-up (or rejects a catalogue reload) with one message naming each
 * service and problem.
 */
public final class ConnectorBinding {
    private ConnectorBinding() {
    }

    /** @throws CatalogueException naming every service whose connector cannot be built */
    public static Map<ServiceId, Processor> bind(CamelContext camel, List<ServiceDescription> services, Connectors connectors) {
        Map<ServiceId, Processor> bound = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (ServiceDescription service : services) {
            Parsed parsed = parse(camel, service, connectors, problems);
            if (parsed == null) {
                continue;
            }
            try {
                bound.put(service.id(), parsed.connector().create(new ConnectorContext(camel, service, parsed.config())));
            } catch (Exception e) {
                problems.add(where(service) + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogueException(problems);
        }
        return bound;
    }

    /**
     * The problems {@link #bind} would report about the connectors' types and settings, without
     * building any: for checking a catalogue without starting a node.
     */
    public static List<String> check(CamelContext camel, List<ServiceDescription> services, Connectors connectors) {
        List<String> problems = new ArrayList<>();
        services.forEach(service -> parse(camel, service, connectors, problems));
        return problems;
    }

    private record Parsed(Connector connector, ConnectorConfig config) {
    }

    private static Parsed parse(CamelContext camel, ServiceDescription service, Connectors connectors, List<String> problems) {
        Connector connector = connectors.get(service.connector().type()).orElse(null);
        if (connector == null) {
            problems.add(where(service) + ".type: no connector of type '" + service.connector().type()
                    + "'; installed: " + connectors.all().stream().map(Connector::type).toList());
            return null;
        }
        try {
            Map<String, String> resolved = new LinkedHashMap<>();
            service.connector().settings().forEach((k, v) -> resolved.put(k, camel.resolvePropertyPlaceholders(v)));
            return new Parsed(connector, connector.configDef().parse(resolved));
        } catch (ConnectorConfigException e) {
            e.problems().forEach(p -> problems.add(where(service) + "." + p));
        } catch (Exception e) {
            problems.add(where(service) + ": " + e.getMessage());
        }
        return null;
    }

    private static String where(ServiceDescription service) {
        return service.source() + ": service " + service.id() + ": connector";
    }
}
