package ps.takamul.routes.provider;

import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.MessageHeaders;
import ps.takamul.routes.exchange.BodyChecks;
import ps.takamul.routes.exchange.Errors;
import ps.takamul.routes.exchange.LogMask;
import ps.takamul.core.protocol.TakamulException;

/**
 * Shapes the reply that goes back over the broker. Errors travel as two headers, not as a
 * serialised Java exception: the protocol between the node's two sides stays plain data.
 */
final class Replies {
    private static final Logger LOG = LoggerFactory.getLogger("takamul.provider");

    private Replies() {
    }

    static void success(Exchange exchange) {
        Message message = exchange.getMessage();
        Object status = message.getHeader(MessageHeaders.STATUS);
        Object contentType = message.getHeader(MessageHeaders.CONTENT_TYPE);
        // Mediation may leave text; the bytes on the wire are always UTF-8.
        exchange.setProperty(Exchange.CHARSET_NAME, StandardCharsets.UTF_8.name());
        byte[] body = BodyChecks.bytesOf(message);
        message.removeHeaders("*");
        message.setHeader(MessageHeaders.STATUS, status == null ? 200 : status);
        if (contentType != null) {
            message.setHeader(MessageHeaders.CONTENT_TYPE, contentType);
        }
        message.setBody(body);
    }

    static void failure(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        TakamulException error = Errors.classify(caught);
        Message message = exchange.getMessage();
        String messageId = message.getHeader(MessageHeaders.MESSAGE_ID, String.class);
        String service = message.getHeader(MessageHeaders.SERVICE, String.class);
        String detail = LogMask.digits(error.detail());
        if (error.error() == ErrorCode.INTERNAL_ERROR) {
            // A bug of ours: the stack trace is needed to fix it.
            LOG.error("id={} service={} error={} detail=\"{}\"", messageId, service, error.error().code(), detail, caught);
        } else if (error.error().isClientFault()) {
            LOG.info("id={} service={} error={} detail=\"{}\"", messageId, service, error.error().code(), detail);
        } else {
            // No stack trace: a provider's fault text can hold personal data, and the code says enough.
            LOG.warn("id={} service={} error={} detail=\"{}\"", messageId, service, error.error().code(), detail);
        }
        message.removeHeaders("*");
        message.setHeader(MessageHeaders.ERROR, error.error().code());
        message.setHeader(MessageHeaders.ERROR_DETAIL, error.detail());
        message.setBody(new byte[0]);
    }
}
