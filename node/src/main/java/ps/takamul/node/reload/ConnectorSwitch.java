package ps.takamul.node.reload;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The connector a provider route calls, replaceable while the route runs. A new address or
 * timeout takes effect for the next message; a message already calling the provider finishes
 * with the connector it started with. Nothing stops, so nothing waits or fails.
 */
final class ConnectorSwitch implements Processor {
    private volatile Processor current;

    ConnectorSwitch(Processor initial) {
        this.current = initial;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        current.process(exchange);
    }

    Processor current() {
        return current;
    }

    void switchTo(Processor next) {
        this.current = next;
    }
}
