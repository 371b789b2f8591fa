package ps.takamul.routes.ocsp;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import ps.takamul.routes.exchange.BodyChecks;
import ps.takamul.security.ocsp.OcspGetRequest;
import ps.takamul.security.ocsp.OcspResponder;

/**
 * The hub's OCSP responder over HTTP (RFC 6960 appendix A): {@code POST /ocsp} with an
 * {@code application/ocsp-request} body, or {@code GET /ocsp/<url-encoded base64 request>},
 * answers an {@code application/ocsp-response}. A request that cannot be read gets a
 * MALFORMED_REQUEST response with HTTP 200, as OCSP clients expect.
 */
public final class OcspRoute extends RouteBuilder {
    public static final String ROUTE_ID = "takamul-ocsp";
    public static final String PATH = "/ocsp";
    /** A request names a few certificates by hash and serial; anything larger is not one. */
    private static final int MAX_REQUEST_BYTES = 8192;

    private final OcspResponder responder;

    public OcspRoute(OcspResponder responder) {
        this.responder = responder;
    }

    @Override
    public void configure() {
        from("platform-http:" + PATH + "?httpMethodRestrict=GET,POST&matchOnUriPrefix=true")
                .routeId(ROUTE_ID)
                .process(this::answer);
    }

    private void answer(Exchange exchange) {
        Message in = exchange.getIn();
        byte[] request = "GET".equals(in.getHeader(Exchange.HTTP_METHOD, String.class))
                ? OcspGetRequest.fromUri(in.getHeader(Exchange.HTTP_URI, String.class), PATH)
                : BodyChecks.bytesOf(in);
        byte[] response = responder.respond(request.length > MAX_REQUEST_BYTES ? new byte[0] : request);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/ocsp-response");
        exchange.getMessage().setBody(response);
    }
}
