package ps.takamul.connector.soap;

import org.apache.camel.Processor;
import ps.takamul.connector.ConfigDef;
import ps.takamul.connector.Connector;
import ps.takamul.connector.ConnectorContext;

/**
 * Calls a SOAP 1.1 provider. The request body is the SOAP body's payload element; the connector
 * wraps it in an envelope, and returns the payload of the answer. A SOAP Fault from the provider
 * becomes {@code Server.ProviderFault} carrying the provider's faultstring.
 */
public final class SoapConnector implements Connector {
    static final String ADDRESS = "address";
    static final String SOAP_ACTION = "soapAction";
    static final String CONNECT_TIMEOUT = "connectTimeout";

    private static final ConfigDef CONFIG = new ConfigDef()
            .required(ADDRESS, ConfigDef.Type.HTTP_URL, "Endpoint address of the SOAP provider.")
            .define(SOAP_ACTION, ConfigDef.Type.STRING, "",
                    "SOAPAction to send; empty sends none. The answer's timeout is the service's `timeout`.")
            .define(CONNECT_TIMEOUT, ConfigDef.Type.DURATION, "2s", "How long to wait for a TCP connection.");

    @Override
    public String type() {
        return "soap";
    }

    @Override
    public String description() {
        return "SOAP 1.1 provider, called through Apache CXF's JAX-WS Dispatch API in payload mode";
    }

    @Override
    public ConfigDef configDef() {
        return CONFIG;
    }

    @Override
    public Processor create(ConnectorContext context) {
        return new SoapProviderCall(context);
    }
}
