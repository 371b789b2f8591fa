package ps.takamul.routes.soap;

import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.binding.soap.SoapFault;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.protocol.TakamulException;
import ps.takamul.routes.exchange.BrokerEndpoints;
import ps.takamul.routes.exchange.Errors;
import ps.takamul.routes.exchange.ExchangeLog;
import ps.takamul.routes.exchange.IngressSettings;

/**
 * X-Road SOAP 4.0 ingress over Apache CXF, in payload mode: CXF parses the envelope (and will
 * check WS-Security), the route checks the X-Road headers, queues the body's payload element
 * for the provider side, and wraps the reply. Every refusal is a SOAP Fault with a stable code.
 */
public final class SoapIngressRoute extends RouteBuilder {
    public static final String ROUTE_ID = "takamul-soap-ingress";

    private final Supplier<Catalogue> catalogue;
    private final IngressSettings settings;

    public SoapIngressRoute(Supplier<Catalogue> catalogue, IngressSettings settings) {
        this.catalogue = catalogue;
        this.settings = settings;
    }

    @Override
    public void configure() throws Exception {
        hideServerVersion();
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setCamelContext(getContext());
        endpoint.setEndpointUriIfNotSpecified("cxf://takamul-soap-ingress");
        endpoint.setAddress(settings.soapAddress());
        endpoint.setDataFormat(DataFormat.PAYLOAD);
        endpoint.getInInterceptors().add(new BodyLimitInterceptor(settings.maxBodyBytes()));
        endpoint.getOutFaultInterceptors().add(new FaultCodeInterceptor());

        from(endpoint)
                .routeId(ROUTE_ID)
                .errorHandler(noErrorHandler())
                .doTry()
                    .process(new SoapRequestReader(catalogue, settings.replyMarginMillis()))
                    .to(BrokerEndpoints.QUERY)
                    .process(new SoapResponseWriter())
                .doCatch(Exception.class)
                    .process(SoapIngressRoute::fault)
                .end();
    }

    /** Jetty names itself and its version in every response unless told not to. */
    private void hideServerVersion() throws Exception {
        java.net.URI address = java.net.URI.create(settings.soapAddress());
        org.apache.cxf.Bus bus = org.apache.cxf.BusFactory.getDefaultBus();
        org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory engines =
                bus.getExtension(org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory.class);
        org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine engine = engines.retrieveJettyHTTPServerEngine(address.getPort());
        if (engine == null) {
            engine = engines.createJettyHTTPServerEngine(address.getHost(), address.getPort(), "http");
        }
        engine.setSendServerVersion(false);
    }

    /** Ends the exchange with a SOAP Fault; CXF writes it with HTTP 500. */
    private static void fault(Exchange exchange) throws SoapFault {
        TakamulException error = Errors.classify(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        String messageId = exchange.getProperty(SoapRequestReader.MESSAGE_ID, String.class);
        ExchangeLog.refused(exchange, "soap", messageId == null ? "-" : messageId, error.error().code(), error.detail());
        // CXF writes the message's headers as HTTP headers, faults included: the request's own
        // (Authorization among them) and the broker's must not go back to the client.
        exchange.getIn().removeHeaders("*");
        exchange.getMessage().removeHeaders("*");
        throw SoapFaults.of(error.error(), error.detail(), messageId);
    }
}
