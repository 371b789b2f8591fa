package ps.takamul.node.broker;

import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.postoffice.RoutingStatus;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.ServerConsumer;
import org.apache.activemq.artemis.core.server.impl.AckReason;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ps.takamul.core.protocol.MessageHeaders;
import ps.takamul.routes.exchange.Queues;

/**
 * A broker plugin with one concern: tell the operator, in Takamul's words, when a notification
 * gives up and lands in its dead-letter queue. Artemis's own line for this prints every message
 * property, which may include a path with a national ID, so it is filtered out of the logs
 * ({@link ps.takamul.node.logging.BrokerNoiseFilter}) and this line replaces it.
 */
final class DeadLetterLog implements ActiveMQServerMessagePlugin {
    private static final Logger LOG = LoggerFactory.getLogger("takamul.dead-letter");

    @Override
    public void messageMoved(Transaction tx, MessageReference ref, AckReason reason, SimpleString destAddress,
                             Long destQueueID, ServerConsumer consumer, Message newMessage, RoutingStatus result) {
        if (destAddress != null && Queues.DEAD_LETTER_ADDRESS.equals(destAddress.toString())) {
            Message original = ref.getMessage();
            LOG.warn("id={} service={} client={} moved to the dead-letter queue after {} delivery attempts",
                    original.getStringProperty(MessageHeaders.MESSAGE_ID), original.getStringProperty(MessageHeaders.SERVICE),
                    original.getStringProperty(MessageHeaders.CLIENT), ref.getDeliveryCount());
        }
    }
}
