package ps.takamul.connector.http;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.service.ServiceHelper;
import ps.takamul.connector.ConnectorConfig;
import ps.takamul.connector.ConnectorContext;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.MessageHeaders;
import ps.takamul.core.protocol.TakamulException;
import ps.takamul.core.protocol.XRoadHeaders;

/**
 * One service's call to its HTTP provider. Each call is a fresh exchange that carries only the
 * headers the provider should see, so nothing internal (broker, Camel) leaks to the provider, and
 * nothing the provider sends back leaks to the client beyond status, content type and body.
 */
final class HttpProviderCall implements Processor {
    private final Endpoint endpoint;
    private final ProducerTemplate template;
    private final boolean forwardXRoadHeaders;
    private final String serviceId;

    HttpProviderCall(ConnectorContext context) {
        ConnectorConfig config = context.config();
        URI url = config.getUrl(HttpConnector.URL);
        long responseMillis = context.service().timeout().toMillis();
        String options = "throwExceptionOnFailure=false"
                + "&connectTimeout=" + config.getDuration(HttpConnector.CONNECT_TIMEOUT).toMillis()
                + "&responseTimeout=" + responseMillis
                + "&soTimeout=" + responseMillis
                + "&maxTotalConnections=" + config.getInt(HttpConnector.MAX_CONNECTIONS)
                + "&connectionsPerRoute=" + config.getInt(HttpConnector.MAX_CONNECTIONS);
        String base = url.toString();
        this.endpoint = context.camel().getEndpoint(base + (base.contains("?") ? "&" : "?") + options);
        this.template = context.camel().createProducerTemplate();
        ServiceHelper.startService(template);
        this.forwardXRoadHeaders = config.getBoolean(HttpConnector.FORWARD_XROAD_HEADERS);
        this.serviceId = context.service().id().toString();
    }

    @Override
    public void process(Exchange exchange) {
        Message request = exchange.getMessage();
        Exchange call = template.send(endpoint, ExchangePattern.InOut, c -> prepare(request, c.getIn()));
        Exception failure = call.getException();
        if (failure != null) {
            throw translate(failure);
        }
        Message answer = call.getMessage();
        request.setBody(answer.getBody(byte[].class));
        request.setHeader(MessageHeaders.STATUS, answer.getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class));
        request.setHeader(MessageHeaders.CONTENT_TYPE, answer.getHeader(Exchange.CONTENT_TYPE, String.class));
    }

    private void prepare(Message request, Message out) {
        out.setBody(request.getBody(byte[].class));
        out.setHeader(Exchange.HTTP_METHOD, request.getHeader(MessageHeaders.METHOD, "GET", String.class));
        String path = request.getHeader(MessageHeaders.PATH, String.class);
        if (path != null && !path.isEmpty()) {
            out.setHeader(Exchange.HTTP_PATH, path);
        }
        String query = request.getHeader(MessageHeaders.QUERY, String.class);
        if (query != null && !query.isEmpty()) {
            out.setHeader(Exchange.HTTP_QUERY, query);
        }
        String contentType = request.getHeader(MessageHeaders.CONTENT_TYPE, String.class);
        if (contentType != null) {
            out.setHeader(Exchange.CONTENT_TYPE, contentType);
        }
        if (forwardXRoadHeaders) {
            out.setHeader(XRoadHeaders.CLIENT, request.getHeader(MessageHeaders.CLIENT));
            out.setHeader(XRoadHeaders.SERVICE, serviceId);
            out.setHeader(XRoadHeaders.ID, request.getHeader(MessageHeaders.MESSAGE_ID));
            copy(request, MessageHeaders.USER_ID, out, XRoadHeaders.USER_ID);
            copy(request, MessageHeaders.ISSUE, out, XRoadHeaders.ISSUE);
            copy(request, MessageHeaders.PURPOSE, out, XRoadHeaders.PURPOSE);
        }
    }

    private static void copy(Message from, String name, Message to, String as) {
        Object value = from.getHeader(name);
        if (value != null) {
            to.setHeader(as, value);
        }
    }

    private TakamulException translate(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // HttpClient's connect timeout is a SocketTimeoutException too, but it means unreachable.
            if (t instanceof org.apache.hc.client5.http.ConnectTimeoutException) {
                return new TakamulException(ErrorCode.PROVIDER_UNAVAILABLE,
                        "provider of " + serviceId + " could not be reached within connectTimeout", failure);
            }
            if (t instanceof ConnectException) {
                return new TakamulException(ErrorCode.PROVIDER_UNAVAILABLE,
                        "provider of " + serviceId + " refused the connection", failure);
            }
            if (t instanceof SocketTimeoutException) {
                return new TakamulException(ErrorCode.PROVIDER_TIMEOUT,
                        "provider of " + serviceId + " did not answer in time", failure);
            }
        }
        return new TakamulException(ErrorCode.PROVIDER_UNAVAILABLE,
                "provider of " + serviceId + " could not be called: " + failure.getClass().getSimpleName(), failure);
    }
}
