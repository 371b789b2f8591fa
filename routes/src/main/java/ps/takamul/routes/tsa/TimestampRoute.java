package ps.takamul.routes.tsa;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import ps.takamul.routes.exchange.BodyChecks;
import ps.takamul.security.tsa.TimestampAuthority;

/**
 * The hub's RFC 3161 time-stamping service over HTTP (RFC 3161 section 3.4):
 * {@code POST /tsa} with an {@code application/timestamp-query} body answers an
 * {@code application/timestamp-reply}. A query that cannot be read is answered with a
 * rejection response, as RFC 3161 clients expect.
 */
public final class TimestampRoute extends RouteBuilder {
    public static final String ROUTE_ID = "takamul-tsa";
    /** A query is a digest and a few fields; anything larger is not one. */
    private static final int MAX_QUERY_BYTES = 8192;

    private final TimestampAuthority authority;

    public TimestampRoute(TimestampAuthority authority) {
        this.authority = authority;
    }

    @Override
    public void configure() {
        from("platform-http:/tsa?httpMethodRestrict=POST")
                .routeId(ROUTE_ID)
                .process(this::stamp);
    }

    private void stamp(Exchange exchange) {
        byte[] query = BodyChecks.bytesOf(exchange.getIn());
        byte[] reply = authority.respond(query.length > MAX_QUERY_BYTES ? new byte[0] : query);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/timestamp-reply");
        exchange.getMessage().setBody(reply);
    }
}
