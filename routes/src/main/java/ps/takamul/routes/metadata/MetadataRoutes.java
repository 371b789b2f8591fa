package ps.takamul.routes.metadata;

import java.time.Clock;
import java.util.function.Supplier;
import org.apache.camel.builder.RouteBuilder;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.routes.exchange.IngressSettings;
import ps.takamul.routes.rest.RestProblemWriter;

/**
 * The metadata services on the node's HTTP port: X-Road's REST metaservices
 * ({@code /r1/INSTANCE/CLASS/MEMBER/SUBSYSTEM/listMethods}, {@code allowedMethods},
 * {@code getOpenAPI}), {@code /listClients}, and the catalogue page for people with its contract
 * documents. The SOAP metaservices are answered on the SOAP ingress ({@link SoapMetaservices}).
 */
public final class MetadataRoutes extends RouteBuilder {
    public static final String ROUTE_ID_PREFIX = "takamul-metadata-";
    private static final String PROVIDER_PATH = "/r1/{xRoadInstance}/{memberClass}/{memberCode}/{subsystemCode}/";

    private final Supplier<Catalogue> catalogue;
    private final IngressSettings settings;

    public MetadataRoutes(Supplier<Catalogue> catalogue, IngressSettings settings) {
        this.catalogue = catalogue;
        this.settings = settings;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .process(new RestProblemWriter());
        ContractDocuments contracts = new ContractDocuments(settings.soapAddress());
        Clock clock = Clock.systemUTC();
        // The REST ingress takes every path below /r1, and Vert.x hands a request to the first
        // route that matches, in the order the routes were added: these must start first.
        int startupOrder = 1;
        for (RestMetaservice.Code code : RestMetaservice.Code.values()) {
            from("platform-http:" + PROVIDER_PATH + code.code)
                    .routeId(ROUTE_ID_PREFIX + code.code)
                    .startupOrder(startupOrder++)
                    .process(new RestMetaservice(code, catalogue, contracts, settings.requireClientCertificate(), clock));
        }
        from("platform-http:/" + ClientList.CODE)
                .routeId(ROUTE_ID_PREFIX + ClientList.CODE)
                .process(new ClientList(catalogue, settings.requireClientCertificate()));
        from("platform-http:" + CataloguePage.PATH)
                .routeId(ROUTE_ID_PREFIX + "catalogue-page")
                .process(new CataloguePage(catalogue, contracts));
        from("platform-http:" + ContractPage.PATH + "?matchOnUriPrefix=true")
                .routeId(ROUTE_ID_PREFIX + "contracts")
                .process(new ContractPage(catalogue, contracts));
    }
}
