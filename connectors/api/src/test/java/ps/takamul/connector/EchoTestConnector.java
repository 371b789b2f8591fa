package ps.takamul.connector;

import org.apache.camel.Processor;

/** A connector registered through src/test/resources/META-INF/services, for {@link ConnectorsTest}. */
public class EchoTestConnector implements Connector {
    static final String TYPE = "test-echo";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Answers with the request, for tests";
    }

    @Override
    public ConfigDef configDef() {
        return new ConfigDef().define("prefix", ConfigDef.Type.STRING, "", "text put before the answer");
    }

    @Override
    public Processor create(ConnectorContext context) {
        String prefix = context.config().getString("prefix");
        return exchange -> exchange.getMessage().setBody(prefix + exchange.getMessage().getBody(String.class));
    }

    /** A second connector claiming the same type, listed only by {@link ConnectorsTest}'s own class loader. */
    public static class SameType extends EchoTestConnector {
    }
}
