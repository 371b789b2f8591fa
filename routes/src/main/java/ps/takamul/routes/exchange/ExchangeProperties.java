package ps.takamul.routes.exchange;

/** Names of Camel exchange properties; they stay inside the node and never cross the broker. */
public final class ExchangeProperties {
    /** The {@link ps.takamul.core.catalogue.ServiceDescription} the request resolved to. */
    public static final String SERVICE = "takamul.service";
    /** When the node received the request, in {@code System.nanoTime()} units. */
    public static final String RECEIVED_NANOS = "takamul.receivedNanos";
    /** The request's SOAP headers, echoed in the response as X-Road does. */
    public static final String SOAP_HEADERS = "takamul.soapHeaders";

    private ExchangeProperties() {
    }
}
