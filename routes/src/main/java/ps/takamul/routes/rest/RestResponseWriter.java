package ps.takamul.routes.rest;

import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import ps.takamul.core.catalogue.ServiceKind;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.MessageHeaders;
import ps.takamul.core.protocol.TakamulException;
import ps.takamul.core.protocol.XRoadHeaders;
import ps.takamul.routes.agreement.AgreementEnforcement;
import ps.takamul.routes.exchange.ExchangeLog;
import ps.takamul.routes.exchange.RequestContext;

/**
 * Turns the provider side's reply (or, for a notification, the broker's acceptance) into the
 * REST response. Only the status, content type, body and X-Road headers reach the client:
 * nothing from the broker or the provider's own HTTP headers leaks through.
 */
public final class RestResponseWriter implements Processor {
    private final RestSignatures signatures;
    private final AgreementEnforcement agreements;

    RestResponseWriter(RestSignatures signatures, AgreementEnforcement agreements) {
        this.signatures = signatures;
        this.agreements = agreements;
    }

    @Override
    public void process(Exchange exchange) {
        RequestContext request = RequestContext.of(exchange);
        Message message = exchange.getMessage();
        int status;
        String contentType;
        if (request.service().kind() == ServiceKind.NOTIFICATION) {
            status = 202;
            contentType = "application/json";
            message.setBody(("{\"messageId\":\"" + jsonEscape(request.messageId()) + "\",\"status\":\"accepted\"}")
                    .getBytes(StandardCharsets.UTF_8));
        } else {
            String error = message.getHeader(MessageHeaders.ERROR, String.class);
            if (error != null) {
                throw new TakamulException(ErrorCode.fromCode(error),
                        message.getHeader(MessageHeaders.ERROR_DETAIL, "", String.class));
            }
            status = message.getHeader(MessageHeaders.STATUS, 200, Integer.class);
            contentType = message.getHeader(MessageHeaders.CONTENT_TYPE, String.class);
            if (status >= 200 && status < 300) {
                message.setBody(agreements.reduce(exchange, message.getBody(byte[].class), contentType));
            }
        }
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (contentType != null) {
            message.setHeader(Exchange.CONTENT_TYPE, contentType);
        }
        message.setHeader(XRoadHeaders.ID, request.messageId());
        message.setHeader(XRoadHeaders.REQUEST_ID, request.messageId());
        message.setHeader(XRoadHeaders.CLIENT, request.client().toString());
        message.setHeader(XRoadHeaders.SERVICE, request.service().id().toString());
        if (signatures.enabled()) {
            byte[] body = message.getBody(byte[].class);
            body = body == null ? new byte[0] : body;
            message.setBody(body);
            signatures.signResponse(message, request.service().id().member(), status, body);
        }
        ExchangeLog.answered(exchange, "rest", status);
    }

    /** Message ids are printable ASCII (checked on the way in); only quote and backslash need care. */
    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
