package ps.takamul.routes.exchange;

/** Names of Camel exchange properties; they stay inside the node and never cross the broker. */
public final class ExchangeProperties {
    /** The request's message id, known before anything else is checked, for the error answer. */
    public static final String MESSAGE_ID = "takamul.messageId";
    /** When the node received the request, in {@code System.nanoTime()} units. */
    public static final String RECEIVED_NANOS = "takamul.receivedNanos";
    /** The request's SOAP headers, echoed in the response as X-Road does. */
    public static final String SOAP_HEADERS = "takamul.soapHeaders";

    /** When the node received the request (wall clock), for the audit record. */
    public static final String RECEIVED_AT = "takamul.receivedAt";
    /** When the request was handed to the broker for the provider side. */
    public static final String FORWARDED_AT = "takamul.forwardedAt";
    /** The request body as forwarded (REST: as received; SOAP: the payload element), for the audit record's digest. */
    public static final String REQUEST_BODY = "takamul.requestBody";
    /** The answer body as sent (REST) or its payload element (SOAP), after the agreement reduced it. */
    public static final String RESPONSE_BODY = "takamul.responseBody";
    /** The request's HTTP headers as received, before the ingress replaces them; for a data subject named in a header. */
    public static final String REQUEST_HEADERS = "takamul.requestHeaders";

    private ExchangeProperties() {
    }
}
