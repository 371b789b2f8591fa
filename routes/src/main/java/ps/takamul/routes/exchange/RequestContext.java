package ps.takamul.routes.exchange;

import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import ps.takamul.core.catalogue.ServiceDescription;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.MessageHeaders;
import ps.takamul.core.protocol.TakamulException;

/**
 * Who asked for what, once the ingress has checked it. Kept as an exchange property for the
 * response and the log, and written as {@link MessageHeaders} onto the message that crosses the
 * broker.
 */
public record RequestContext(String messageId, ClientId client, ServiceDescription service,
                             String userId, String issue, String purpose) {
    static final String PROPERTY = "takamul.request";
    /** X-Road ids are free text; we bound them so they stay printable and fit a JMS property. */
    private static final int MAX_ID_LENGTH = 200;

    public static RequestContext of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, RequestContext.class);
    }

    public void attachTo(Exchange exchange) {
        exchange.setProperty(PROPERTY, this);
    }

    /** The client's id for the message, or a fresh UUID when it sent none. */
    public static String messageIdOrNew(String given) {
        if (given == null || given.isBlank()) {
            return UUID.randomUUID().toString();
        }
        String id = given.strip();
        if (id.length() > MAX_ID_LENGTH || !id.chars().allMatch(c -> c >= 0x21 && c < 0x7f)) {
            throw new TakamulException(ErrorCode.INVALID_IDENTIFIER,
                    "message id must be 1-" + MAX_ID_LENGTH + " printable ASCII characters");
        }
        return id;
    }

    /** Replaces every header of the message with the exchange metadata the provider side needs. */
    public void writeHeaders(Message message) {
        message.removeHeaders("*");
        message.setHeader(MessageHeaders.MESSAGE_ID, messageId);
        message.setHeader(MessageHeaders.CLIENT, client.toString());
        message.setHeader(MessageHeaders.SERVICE, service.id().toString());
        setIfPresent(message, MessageHeaders.USER_ID, userId);
        setIfPresent(message, MessageHeaders.ISSUE, issue);
        setIfPresent(message, MessageHeaders.PURPOSE, purpose);
    }

    private static void setIfPresent(Message message, String name, String value) {
        if (value != null && !value.isEmpty()) {
            message.setHeader(name, value);
        }
    }
}
