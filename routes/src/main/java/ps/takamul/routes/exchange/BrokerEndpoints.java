package ps.takamul.routes.exchange;

/**
 * The two JMS endpoints the ingress routes send through. The per-service queue is chosen per
 * message with the {@code CamelJmsDestinationName} header, so there is one producer endpoint,
 * not one per service.
 */
public final class BrokerEndpoints {
    /**
     * Request-reply. Non-persistent: the caller holds the connection and retries, so writing the
     * request to disk buys nothing. Replies come back on one temporary queue per node, the
     * fastest of camel-jms's reply modes, read by several consumers.
     */
    public static final String QUERY = "jms:queue:takamul.query"
            + "?exchangePattern=InOut&jmsMessageType=Bytes&deliveryPersistent=false"
            + "&replyToConsumerType=Simple&replyToConcurrentConsumers=4"
            + "&requestTimeoutCheckerInterval=250";

    /** One-way and durable: the send returns once Artemis has the message on disk. */
    public static final String NOTIFY = "jms:queue:takamul.notify"
            + "?exchangePattern=InOnly&jmsMessageType=Bytes&deliveryPersistent=true";

    /** Per-message header naming the destination queue. */
    public static final String DESTINATION_HEADER = "CamelJmsDestinationName";
    /** Per-message header: how long to wait for the reply, in milliseconds. */
    public static final String REQUEST_TIMEOUT_HEADER = "CamelJmsRequestTimeout";
    /** Artemis duplicate detection: a retried notification with the same id is stored once. */
    public static final String DUPLICATE_ID_HEADER = "_AMQ_DUPL_ID";

    private BrokerEndpoints() {
    }
}
