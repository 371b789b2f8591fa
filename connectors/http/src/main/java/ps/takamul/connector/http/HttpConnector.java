package ps.takamul.connector.http;

import org.apache.camel.Processor;
import ps.takamul.connector.ConfigDef;
import ps.takamul.connector.Connector;
import ps.takamul.connector.ConnectorContext;

/** Calls a REST/HTTP provider: the request's method, path below the service, query and body go through. */
public final class HttpConnector implements Connector {
    static final String URL = "url";
    static final String CONNECT_TIMEOUT = "connectTimeout";
    static final String MAX_CONNECTIONS = "maxConnections";
    static final String FORWARD_XROAD_HEADERS = "forwardXRoadHeaders";

    private static final ConfigDef CONFIG = new ConfigDef()
            .required(URL, ConfigDef.Type.HTTP_URL,
                    "Base URL of the provider; the path below the service id is appended to it.")
            .define(CONNECT_TIMEOUT, ConfigDef.Type.DURATION, "2s",
                    "How long to wait for a TCP connection. The answer's timeout is the service's `timeout`.")
            .define(MAX_CONNECTIONS, ConfigDef.Type.INT, "64",
                    "Pooled keep-alive connections to this provider.")
            .define(FORWARD_XROAD_HEADERS, ConfigDef.Type.BOOLEAN, "true",
                    "Send X-Road-Client, X-Road-Service, X-Road-Id, X-Road-UserId, X-Road-Issue and Takamul-Purpose to the provider, as X-Road does.");

    @Override
    public String type() {
        return "http";
    }

    @Override
    public String description() {
        return "REST/HTTP provider, called through Camel's HTTP component (Apache HttpClient 5)";
    }

    @Override
    public ConfigDef configDef() {
        return CONFIG;
    }

    @Override
    public Processor create(ConnectorContext context) {
        return new HttpProviderCall(context);
    }
}
