package ps.takamul.connector.camel;

import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.service.ServiceHelper;
import ps.takamul.connector.ConfigDef;
import ps.takamul.connector.Connector;
import ps.takamul.connector.ConnectorContext;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;

/**
 * Hands the request to a Camel endpoint, so that anything Camel reaches can be a provider: a
 * route of the node ({@code direct:…}), or a component such as {@code sql:}, {@code file:} or
 * {@code kafka:} for systems with no HTTP interface at all. The endpoint answers by leaving the
 * reply in the message, as a Camel route does.
 */
public final class CamelEndpointConnector implements Connector {
    static final String URI = "uri";

    private static final ConfigDef CONFIG = new ConfigDef()
            .required(URI, ConfigDef.Type.STRING, "Camel endpoint URI to send the request to, e.g. `direct:registry-lookup`.");

    @Override
    public String type() {
        return "camel";
    }

    @Override
    public String description() {
        return "Any Camel endpoint: a node route, or a Camel component for systems without HTTP";
    }

    @Override
    public ConfigDef configDef() {
        return CONFIG;
    }

    @Override
    public Processor create(ConnectorContext context) {
        Endpoint endpoint = context.camel().getEndpoint(context.config().getString(URI));
        ProducerTemplate template = context.camel().createProducerTemplate();
        ServiceHelper.startService(template);
        String service = context.service().id().toString();
        return exchange -> {
            template.send(endpoint, exchange);
            Exception failure = exchange.getException();
            if (failure != null) {
                exchange.setException(null);
                throw failure instanceof TakamulException known ? known
                        : new TakamulException(ErrorCode.PROVIDER_FAULT, "endpoint of " + service + " failed: "
                        + failure.getClass().getSimpleName(), failure);
            }
        };
    }
}
