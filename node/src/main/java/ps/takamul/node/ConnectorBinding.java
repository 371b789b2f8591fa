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
 * a bad setting stops start-up with one message naming each service and problem.
 */
final class ConnectorBinding {
    private ConnectorBinding() {
    }

    static Map<ServiceId, Processor> bind(CamelContext camel, List<ServiceDescription> services, Connectors connectors) {
        Map<ServiceId, Processor> bound = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (ServiceDescription service : services) {
            String where = service.source() + ": service " + service.id() + ": connector";
            Connector connector = connectors.get(service.connector().type()).orElse(null);
            if (connector == null) {
                problems.add(where + ".type: no connector of type '" + service.connector().type()
                        + "'; installed: " + connectors.all().stream().map(Connector::type).toList());
                continue;
            }
            try {
                Map<String, String> resolved = new LinkedHashMap<>();
                service.connector().settings().forEach((k, v) -> resolved.put(k, camel.resolvePropertyPlaceholders(v)));
                ConnectorConfig config = connector.configDef().parse(resolved);
                bound.put(service.id(), connector.create(new ConnectorContext(camel, service, config)));
            } catch (ConnectorConfigException e) {
                e.problems().forEach(p -> problems.add(where + "." + p));
            } catch (Exception e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogueException(problems);
        }
        return bound;
    }
}
