package ps.takamul.routes.exchange;

/** Names of Camel exchange properties; they stay inside the node and never cross the broker. */
public final class ExchangeProperties {
    /** The request's message id, known before anything else is checked, for the error answer. */
    public static final String MESSAGE_ID = "takamul.messageId";
    /** When the node received the request, in {@code System.nanoTime()} units. */
    public static final String RECEIVED_NANOS = "takamul.receivedNanos";
    /** The request's SOAP headers, echoed in the response as X-Road does. */
    public static final String SOAP_HEADERS = "takamul.soapHeaders";

    private ExchangeProperties() {
    }
}
