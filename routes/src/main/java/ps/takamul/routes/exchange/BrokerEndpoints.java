package ps.takamul.routes.exchange;

import java.util.UUID;

/**
 * The two JMS endpoints the ingress routes send through. The per-service queue is chosen per
 * message with the {@code CamelJmsDestinationName} header, so there is one producer endpoint,
 * not one per service.
 */
public final class BrokerEndpoints {
    /**
     * Request-reply, the replies on a queue of the calling route's own. Non-persistent: the caller
     * holds the connection and retries, so writing the request to disk buys nothing, and a
     * non-persistent send does not wait for the broker. {@code preserveMessageQos} lets each
     * message carry its own expiry, the service's timeout, so a request whose caller gave up is
     * dropped instead of reaching the provider.
     *
     * <p>The replies come to {@code takamul.reply.<route>.<uuid>}, a queue named anew each time
     * the calling route is built, so no two routes or nodes sharing a broker ever read each
     * other's replies, and read only by that route ({@code replyToType=Exclusive}). It is an
     * ordinary queue, not a JMS temporary one: Spring's session cache never caches a producer for
     * a temporary queue, so every reply to one cost the provider a new producer and two blocking
     * queries to the broker. Artemis deletes the queue once its consumers are gone and it is empty.
     *
     * @param route names the calling route in its reply queue's name
     */
    public static String query(String route) {
        return "jms:queue:takamul.query"
                + "?exchangePattern=InOut&jmsMessageType=Bytes&preserveMessageQos=true"
                + "&replyTo=takamul.reply." + route + "." + UUID.randomUUID() + "&replyToType=Exclusive"
                + "&replyToConsumerType=Simple&replyToConcurrentConsumers=4"
                + "&requestTimeoutCheckerInterval=250";
    }

    /** One-way and durable: the send returns once Artemis has the message on disk. */
    public static final String NOTIFY = "jms:queue:takamul.notify"
            + "?exchangePattern=InOnly&jmsMessageType=Bytes&deliveryPersistent=true";

    /** Per-message header naming the destination queue. */
    public static final String DESTINATION_HEADER = "CamelJmsDestinationName";
    /** Per-message header: how long to wait for the reply, in milliseconds. */
    public static final String REQUEST_TIMEOUT_HEADER = "CamelJmsRequestTimeout";

    /** Sets the headers that send a query to its queue, to expire with the caller's patience. */
    public static void addressQuery(org.apache.camel.Message message, String queue, long waitMillis) {
        message.setHeader(DESTINATION_HEADER, queue);
        message.setHeader(REQUEST_TIMEOUT_HEADER, waitMillis);
        message.setHeader(EXPIRATION_HEADER, System.currentTimeMillis() + waitMillis);
        message.setHeader(DELIVERY_MODE_HEADER, NON_PERSISTENT);
    }
    /** With {@code preserveMessageQos}: the message's expiry (epoch ms) and delivery mode. */
    public static final String EXPIRATION_HEADER = "JMSExpiration";
    public static final String DELIVERY_MODE_HEADER = "JMSDeliveryMode";
    public static final int NON_PERSISTENT = 1;

    /** Artemis duplicate detection: a retried notification with the same id is stored once. */
    public static final String DUPLICATE_ID_HEADER = "_AMQ_DUPL_ID";

    private BrokerEndpoints() {
    }
}
