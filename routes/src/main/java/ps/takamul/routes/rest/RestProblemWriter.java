package ps.takamul.routes.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;
import ps.takamul.core.protocol.XRoadHeaders;
import ps.takamul.routes.agreement.RateLimitedException;
import ps.takamul.routes.exchange.Errors;
import ps.takamul.routes.exchange.ExchangeLog;
import ps.takamul.routes.exchange.ExchangeProperties;

/**
 * Answers a refused or failed REST request with an RFC 9457 problem document and X-Road's
 * {@code X-Road-Error} header, both carrying the stable error code.
 */
public final class RestProblemWriter implements Processor {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        TakamulException error = Errors.classify(failure);
        String messageId = exchange.getProperty(ExchangeProperties.MESSAGE_ID, "-", String.class);
        ExchangeLog.refused(exchange, "rest", messageId, error.error().code(), error.detail());
        if (error.error() == ErrorCode.INTERNAL_ERROR) {
            ExchangeLog.internalError("rest", messageId, failure);
        }
        write(exchange.getMessage(), error.error(), error.detail(), messageId);
        if (error instanceof RateLimitedException limited) {
            exchange.getMessage().setHeader("Retry-After", limited.retryAfterSeconds());
        }
    }

    static void write(Message message, ErrorCode code, String detail, String messageId) {
        ObjectNode problem = JSON.createObjectNode()
                .put("type", code.typeUri())
                .put("title", code.title())
                .put("status", code.httpStatus())
                .put("detail", detail)
                .put("code", code.code())
                .put("messageId", messageId);
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, code.httpStatus());
        message.setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
        message.setHeader(XRoadHeaders.ERROR, code.code());
        message.setHeader(XRoadHeaders.ID, messageId);
        message.setBody(problem.toString().getBytes(StandardCharsets.UTF_8));
    }
}
