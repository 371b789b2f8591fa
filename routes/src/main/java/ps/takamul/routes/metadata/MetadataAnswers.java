package ps.takamul.routes.metadata;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;
import ps.takamul.core.protocol.XRoadHeaders;
import ps.takamul.routes.exchange.ExchangeLog;
import ps.takamul.routes.exchange.ExchangeProperties;
import ps.takamul.routes.exchange.RequestContext;

/**
 * What every metadata answer over HTTP shares with the message exchanges: the message id, the
 * one log line per exchange on {@code takamul.exchange}, and an answer that carries none of the
 * request's headers. Refusals go through the ingress's {@code RestProblemWriter}, which reads the
 * same exchange properties.
 */
final class MetadataAnswers {
    private static final Logger LOG = LoggerFactory.getLogger("takamul.exchange");

    private MetadataAnswers() {
    }

    /** Metadata is read, never written: any other method is refused. */
    static void requireGet(Message in, String what) {
        if (!"GET".equals(in.getHeader(Exchange.HTTP_METHOD, String.class))) {
            throw new TakamulException(ErrorCode.METHOD_NOT_ALLOWED, what + " takes GET only");
        }
    }

    /** Starts the clock and takes the message id: the client's {@code X-Road-Id}, or a new one. */
    static String begin(Exchange exchange) {
        exchange.setProperty(ExchangeProperties.RECEIVED_NANOS, System.nanoTime());
        String messageId = RequestContext.messageIdOrNew(exchange.getIn().getHeader(XRoadHeaders.ID, String.class));
        exchange.setProperty(ExchangeProperties.MESSAGE_ID, messageId);
        return messageId;
    }

    /** Replaces the message with a 200 answer; the platform would echo any header left on it. */
    static Message answer(Exchange exchange, String contentType, byte[] body) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        message.setBody(body);
        return message;
    }

    /** The X-Road headers of a metaservice answer, as on any REST answer. */
    static void xroadHeaders(Message message, String messageId, String client, String metaservice) {
        message.setHeader(XRoadHeaders.ID, messageId);
        message.setHeader(XRoadHeaders.REQUEST_ID, messageId);
        message.setHeader(XRoadHeaders.CLIENT, client);
        message.setHeader(XRoadHeaders.SERVICE, metaservice);
    }

    /** The exchange's log line, in the same form as the message exchanges'. */
    static void logged(Exchange exchange, String protocol, int status) {
        if (LOG.isInfoEnabled()) {
            Long start = exchange.getProperty(ExchangeProperties.RECEIVED_NANOS, Long.class);
            LOG.info("{} id={} client={} service={} status={} ms={}", protocol,
                    exchange.getProperty(ExchangeProperties.MESSAGE_ID, "-", String.class),
                    exchange.getProperty(ExchangeLog.CLIENT, "-", String.class),
                    exchange.getProperty(ExchangeLog.SERVICE, "-", String.class), status,
                    start == null ? -1 : (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** One query parameter, decoded, or null. */
    static String queryParameter(Message in, String name) {
        String query = in.getHeader(Exchange.HTTP_QUERY, String.class);
        if (query == null) {
            return null;
        }
        try {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (key.equals(name)) {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new TakamulException(ErrorCode.INVALID_REQUEST, "the query string is not well-formed");
        }
        return null;
    }

    /** The request's path, without the query. */
    static String path(Message in) {
        String uri = in.getHeader(Exchange.HTTP_URI, String.class);
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }
}
