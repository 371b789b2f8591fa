package ps.takamul.node.broker;

import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.postoffice.impl.LocalQueueBinding;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import ps.takamul.node.config.NodeSettings;
import ps.takamul.routes.exchange.Queues;

/**
 * The Artemis broker inside the node: a persistent journal under the data folder, an in-VM
 * acceptor for the node's own routes, and, if asked, one TCP acceptor. Redelivery and dead
 * letters of notifications are Artemis's own address settings, not code of ours.
 */
public final class EmbeddedBroker implements AutoCloseable {
    /**
     * The node's own connection to its embedded broker. {@code directDeliver} lets the in-VM
     * transport hand a packet over on the sending thread instead of queueing it to an executor:
     * two thread switches fewer per message.
     */
    public static final String IN_VM_URL = "vm://0?directDeliver=true";

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();

    public EmbeddedBroker(NodeSettings settings) throws Exception {
        Path dir = settings.getPath("takamul.data.dir").resolve("artemis").toAbsolutePath();
        Configuration config = new ConfigurationImpl()
                .setName(settings.nodeId())
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                // Group commits of durable sends within 500 µs instead of NIO's default 3.3 ms:
                // notifications are answered only once on disk, so this is their latency.
                .setJournalBufferTimeout_NIO(500_000)
                // Only the node itself connects in-VM; a TCP acceptor is opt-in and documented.
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(true)
                .addAcceptorConfiguration("in-vm", IN_VM_URL);
        int port = settings.getInt("takamul.broker.port");
        if (port > 0) {
            config.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port + "?protocols=CORE");
        }
        // Everything else: expired query requests and temporary reply queues are simply dropped.
        // Naming the addresses (with no queue bound) says so, and keeps Artemis from warning.
        config.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(Queues.DEAD_LETTER_ADDRESS))
                .setExpiryAddress(SimpleString.of(Queues.EXPIRED_ADDRESS)));
        config.addAddressSetting(Queues.NOTIFY_PREFIX + "#", new AddressSettings()
                .setMaxDeliveryAttempts(settings.getInt("takamul.notify.max-delivery-attempts"))
                .setRedeliveryDelay(settings.getDuration("takamul.notify.redelivery-delay").toMillis())
                .setRedeliveryMultiplier(Double.parseDouble(settings.get("takamul.notify.redelivery-multiplier")))
                .setMaxRedeliveryDelay(settings.getDuration("takamul.notify.max-redelivery-delay").toMillis())
                .setDeadLetterAddress(SimpleString.of(Queues.DEAD_LETTER_ADDRESS))
                .setAutoCreateDeadLetterResources(true)
                .setDeadLetterQueuePrefix(SimpleString.of(Queues.DEAD_LETTER_PREFIX))
                .setAutoDeleteQueues(false));
        config.registerBrokerPlugin(new DeadLetterLog());
        server.setConfiguration(config);
    }

    /**
     * How many messages were ever put on the queues whose names start with the prefix: what an
     * operator reads per queue in JMX ({@code MessagesAdded}), summed.
     */
    public long messagesAdded(String queuePrefix) {
        return server.getActiveMQServer().getPostOffice().getAllBindings()
                .filter(b -> b instanceof LocalQueueBinding && b.getUniqueName().toString().startsWith(queuePrefix))
                .mapToLong(b -> ((LocalQueueBinding) b).getQueue().getMessagesAdded())
                .sum();
    }

    public void start() throws Exception {
        server.start();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
