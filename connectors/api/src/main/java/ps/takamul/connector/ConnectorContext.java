package ps.takamul.connector;

import org.apache.camel.CamelContext;
import ps.takamul.core.catalogue.ServiceDescription;

/** What a connector gets to build a service's processor: Camel, the service and its parsed settings. */
public record ConnectorContext(CamelContext camel, ServiceDescription service, ConnectorConfig config) {
}
