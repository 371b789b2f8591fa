package ps.takamul.routes.soap;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import org.apache.cxf.BusFactory;
import org.apache.cxf.configuration.jsse.TLSServerParameters;
import org.apache.cxf.configuration.security.ClientAuthentication;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
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
import ps.takamul.routes.exchange.ExchangeProperties;
import ps.takamul.routes.exchange.IngressSettings;
import ps.takamul.routes.metadata.SoapMetaservices;
import ps.takamul.routes.soap.security.SoapSecurity;

/**
 * X-Road SOAP 4.0 ingress over Apache CXF, in payload mode: CXF parses the envelope (and will
 * check WS-Security), the route checks the X-Road headers, queues the body's payload element
 * for the provider side, and wraps the reply. Every refusal is a SOAP Fault with a stable code.
 */
public final class SoapIngressRoute extends RouteBuilder {
    public static final String ROUTE_ID = "takamul-soap-ingress";
    private static final String CXF_EXCHANGE = "takamul.cxfExchange";

    private final Supplier<Catalogue> catalogue;
    private final IngressSettings settings;

    public SoapIngressRoute(Supplier<Catalogue> catalogue, IngressSettings settings) {
        this.catalogue = catalogue;
        this.settings = settings;
    }

    @Override
    public void configure() throws Exception {
        configureJetty();
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setCamelContext(getContext());
        endpoint.setEndpointUriIfNotSpecified("cxf://takamul-soap-ingress");
        endpoint.setAddress(settings.soapAddress());
        endpoint.setDataFormat(DataFormat.PAYLOAD);
        endpoint.getInInterceptors().add(new BodyLimitInterceptor(settings.maxBodyBytes()));
        endpoint.getOutFaultInterceptors().add(new FaultCodeInterceptor(settings.audit()));
        if (settings.trust().enabled()) {
            SoapSecurity.install(endpoint, settings.trust(), settings.requireClientCertificate());
        }

        from(endpoint)
                .routeId(ROUTE_ID)
                .errorHandler(noErrorHandler())
                .process(SoapIngressRoute::keepCxfExchange)
                .doTry()
                    .choice()
                        // X-Road's metaservices (listMethods, allowedMethods, getWsdl) are answered
                        // here from the catalogue; they never reach the broker.
                        .when(SoapMetaservices::requested)
                            .process(new SoapMetaservices(catalogue, settings))
                        .otherwise()
                            .process(settings.audit().received())
                            .process(new SoapRequestReader(catalogue, settings))
                            .process(settings.audit().forwarded())
                            .to(BrokerEndpoints.query("soap"))
                            .process(new SoapResponseWriter(settings.agreements()))
                            .process(settings.audit().answered("soap"))
                    .endDoTry()
                .doCatch(Exception.class)
                    .process(SoapIngressRoute::markAudited)
                    .process(settings.audit().refused("soap"))
                    .process(SoapIngressRoute::fault)
                .end();
    }

    /**
     * Jetty names itself and its version in every response unless told not to; in the secure
     * profile it speaks TLS 1.3 (1.2 allowed) and requires a client certificate.
     */
    private void configureJetty() throws Exception {
        URI address = URI.create(settings.soapAddress());
        JettyHTTPServerEngineFactory engines = BusFactory.getDefaultBus().getExtension(JettyHTTPServerEngineFactory.class);
        if ("https".equals(address.getScheme())) {
            ClientAuthentication clientAuth = new ClientAuthentication();
            clientAuth.setRequired(true);
            clientAuth.setWant(true);
            TLSServerParameters tls = new TLSServerParameters();
            tls.setKeyManagers(settings.tlsKeys());
            tls.setTrustManagers(settings.tlsTrust());
            tls.setClientAuthentication(clientAuth);
            tls.setIncludeProtocols(List.of("TLSv1.3", "TLSv1.2"));
            engines.setTLSServerParametersForPort(address.getHost(), address.getPort(), tls);
        }
        JettyHTTPServerEngine engine = engines.retrieveJettyHTTPServerEngine(address.getPort());
        if (engine == null) {
            engine = engines.createJettyHTTPServerEngine(address.getHost(), address.getPort(), address.getScheme());
        }
        engine.setSendServerVersion(false);
    }

    /**
     * The CXF exchange, kept before the ingress replaces the message's headers (where Camel
     * hands it over): a refusal needs it to tell the fault interceptor it is already on record.
     */
    private static void keepCxfExchange(Exchange exchange) {
        org.apache.cxf.message.Message cxf = exchange.getIn().getHeader(
                org.apache.camel.component.cxf.common.message.CxfConstants.CAMEL_CXF_MESSAGE, org.apache.cxf.message.Message.class);
        if (cxf != null) {
            exchange.setProperty(CXF_EXCHANGE, cxf.getExchange());
        }
    }

    /** The route records its own refusals; the fault interceptor must not record them again. */
    private static void markAudited(Exchange exchange) {
        org.apache.cxf.message.Exchange cxf = exchange.getProperty(CXF_EXCHANGE, org.apache.cxf.message.Exchange.class);
        if (cxf != null) {
            cxf.put(FaultCodeInterceptor.AUDITED, Boolean.TRUE);
        }
    }

    /** Ends the exchange with a SOAP Fault; CXF writes it with HTTP 500. */
    private static void fault(Exchange exchange) throws SoapFault {
        TakamulException error = Errors.classify(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        String messageId = exchange.getProperty(ExchangeProperties.MESSAGE_ID, String.class);
        ExchangeLog.refused(exchange, "soap", messageId == null ? "-" : messageId, error.error().code(), error.detail());
        // CXF writes the message's headers as HTTP headers, faults included: the request's own
        // (Authorization among them) and the broker's must not go back to the client.
        exchange.getIn().removeHeaders("*");
        exchange.getMessage().removeHeaders("*");
        throw SoapFaults.of(error.error(), error.detail(), messageId);
    }
}
