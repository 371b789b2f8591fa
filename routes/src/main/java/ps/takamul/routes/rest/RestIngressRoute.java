package ps.takamul.routes.rest;

import java.util.function.Supplier;
import org.apache.camel.builder.RouteBuilder;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.catalogue.ServiceKind;
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

    private final Supplier<Catalogue> catalogue;
    private final IngressSettings settings;

    public RestIngressRoute(Supplier<Catalogue> catalogue, IngressSettings settings) {
        this.catalogue = catalogue;
        this.settings = settings;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .process(new RestProblemWriter());

        from("platform-http:/r1?matchOnUriPrefix=true")
                .routeId(ROUTE_ID)
                .process(new RestRequestReader(catalogue, settings.maxBodyBytes(), settings.replyMarginMillis()))
                .choice()
                    .when(e -> RequestContext.of(e).service().kind() == ServiceKind.NOTIFICATION)
                        .to(BrokerEndpoints.NOTIFY)
                    .otherwise()
                        .to(BrokerEndpoints.QUERY)
                .end()
                .process(new RestResponseWriter());
    }
}
