package ps.takamul.routes.rest;

import java.util.function.Supplier;
import org.apache.camel.builder.RouteBuilder;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.catalogue.ServiceKind;
import ps.takamul.routes.audit.AuditTrail;
import ps.takamul.routes.exchange.BrokerEndpoints;
import ps.takamul.routes.exchange.IngressSettings;
import ps.takamul.routes.exchange.RequestContext;

/**
 * X-Road REST r1 ingress: check the request, then put it on its service's queue, and either
 * wait for the provider side's reply (queries) or answer 202 once the broker has it
 * (notifications). A refused request never reaches the broker.
 */
public final class RestIngressRoute extends RouteBuilder {
    public static final String ROUTE_ID = "takamul-rest-ingress";
    /** Where the benchmark's no-queue baseline listens; requests continue with /r1/... as usual. */
    public static final String INLINE_PATH = "/bench/inline";
    /** Where the benchmark's unaudited baseline listens (queries only); requests continue with /r1/... as usual. */
    public static final String UNAUDITED_PATH = "/bench/unaudited";

    private final Supplier<Catalogue> catalogue;
    private final IngressSettings settings;

    public RestIngressRoute(Supplier<Catalogue> catalogue, IngressSettings settings) {
        this.catalogue = catalogue;
        this.settings = settings;
    }

    @Override
    public void configure() {
        RestSignatures signatures = new RestSignatures(settings.trust(), settings.requireClientCertificate());
        AuditTrail audit = settings.audit();
        onException(Exception.class)
                .handled(true)
                .process(new RestProblemWriter())
                .process(audit.refused("rest"));

        from("platform-http:/r1?matchOnUriPrefix=true")
                .routeId(ROUTE_ID)
                .process(audit.received())
                .process(new RestRequestReader(catalogue, settings, signatures))
                .process(audit.forwarded())
                .choice()
                    .when(e -> RequestContext.of(e).service().kind() == ServiceKind.NOTIFICATION)
                        .to(BrokerEndpoints.NOTIFY)
                    .otherwise()
                        .to(BrokerEndpoints.query("rest"))
                .end()
                .process(new RestResponseWriter(signatures, settings.agreements()))
                .process(audit.answered("rest"));

        if (settings.inlineBaseline()) {
            // Benchmark only: the same exchange without the broker. The reader names the
            // service's queue; the provider pipeline route of that queue is called directly.
            from("platform-http:" + INLINE_PATH + "?matchOnUriPrefix=true")
                    .routeId(ROUTE_ID + "-inline-baseline")
                    .process(audit.received())
                    .process(new RestRequestReader(catalogue, settings, signatures))
                    .process(audit.forwarded())
                    .toD("direct:${header." + BrokerEndpoints.DESTINATION_HEADER + "}")
                    .process(new RestResponseWriter(signatures, settings.agreements()))
                    .process(audit.answered("rest"));
        }
        if (settings.unauditedBaseline()) {
            // Benchmark only: the same queued exchange with no audit record, so the log's cost
            // can be measured against it in the same run (bench/audit.sh). Never on in production.
            AuditTrail off = AuditTrail.OFF;
            from("platform-http:" + UNAUDITED_PATH + "?matchOnUriPrefix=true")
                    .routeId(ROUTE_ID + "-unaudited-baseline")
                    .process(off.received())
                    .process(new RestRequestReader(catalogue, settings, signatures))
                    .process(off.forwarded())
                    .to(BrokerEndpoints.query("rest-unaudited"))
                    .process(new RestResponseWriter(signatures, settings.agreements()));
        }
    }
}
