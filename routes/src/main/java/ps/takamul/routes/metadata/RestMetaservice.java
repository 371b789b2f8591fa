package ps.takamul.routes.metadata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import ps.takamul.core.agreement.Operation;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.catalogue.ServiceDescription;
import ps.takamul.core.catalogue.ServiceProtocol;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.identifier.IdentifierException;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.core.identifier.SubsystemId;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;
import ps.takamul.core.protocol.XRoadHeaders;
import ps.takamul.routes.exchange.ExchangeLog;
import ps.takamul.routes.rest.ClientCertificates;

/**
 * One of X-Road's REST metaservices on a provider subsystem (service metadata protocol for
 * REST): {@code GET /r1/INSTANCE/CLASS/MEMBER/SUBSYSTEM/listMethods}, {@code .../allowedMethods},
 * {@code .../getOpenAPI?serviceCode=CODE}, the caller named in {@code X-Road-Client}. Answered
 * from the catalogue and its agreements; nothing goes to the broker.
 */
final class RestMetaservice implements Processor {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The REST metaservices, by their X-Road service codes. */
    enum Code {
        LIST_METHODS("listMethods"), ALLOWED_METHODS("allowedMethods"), GET_OPENAPI("getOpenAPI");

        final String code;

        Code(String code) {
            this.code = code;
        }
    }

    private final Code code;
    private final Supplier<Catalogue> catalogue;
    private final ContractDocuments contracts;
    private final boolean requireClientCertificate;
    private final Clock clock;

    RestMetaservice(Code code, Supplier<Catalogue> catalogue, ContractDocuments contracts,
                    boolean requireClientCertificate, Clock clock) {
        this.code = code;
        this.catalogue = catalogue;
        this.contracts = contracts;
        this.requireClientCertificate = requireClientCertificate;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        String messageId = MetadataAnswers.begin(exchange);
        Message in = exchange.getIn();
        ClientId client = caller(in);
        exchange.setProperty(ExchangeLog.CLIENT, client.toString());
        Catalogue current = catalogue.get();
        ProviderServices.requireKnown(current, client);
        SubsystemId provider = provider(in);
        String metaservice = provider + "/" + code.code;
        exchange.setProperty(ExchangeLog.SERVICE, metaservice);
        MetadataAnswers.requireGet(in, code.code);
        ProviderServices services = ProviderServices.of(current, provider);
        Instant now = clock.instant();
        Message answer = switch (code) {
            case LIST_METHODS -> json(exchange, services.offered(ServiceProtocol.REST),
                    s -> services.operations(s.id(), null, now));
            case ALLOWED_METHODS -> json(exchange, services.allowedTo(client, ServiceProtocol.REST, now),
                    s -> services.operations(s.id(), client, now));
            case GET_OPENAPI -> openApi(exchange, services, client, now);
        };
        MetadataAnswers.xroadHeaders(answer, messageId, client.toString(), metaservice);
        MetadataAnswers.logged(exchange, "rest", 200);
    }

    private ClientId caller(Message in) {
        String header = in.getHeader(XRoadHeaders.CLIENT, String.class);
        if (header == null || header.isBlank()) {
            throw new TakamulException(ErrorCode.MISSING_HEADER, "header " + XRoadHeaders.CLIENT + " is required");
        }
        ClientId client = identifier(() -> ClientId.parse(header.strip()));
        if (requireClientCertificate) {
            ClientCertificates.requireCertificateOf(in, client);
        }
        return client;
    }

    /** The subsystem in {@code /r1/INSTANCE/CLASS/MEMBER/SUBSYSTEM/<code>}. */
    private static SubsystemId provider(Message in) {
        String[] segments = MetadataAnswers.path(in).split("/");
        int n = segments.length;
        return identifier(() -> new MemberId(segments[n - 5], segments[n - 4], segments[n - 3]).subsystem(segments[n - 2]));
    }

    /** X-Road's service list: {@code {"service":[{...}]}}, with the endpoints the agreements open. */
    private Message json(Exchange exchange, List<ServiceDescription> services, Function<ServiceDescription, List<Operation>> endpoints) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("service");
        for (ServiceDescription s : services) {
            ServiceId id = s.id();
            ObjectNode entry = list.addObject()
                    .put("member_class", id.member().memberClass())
                    .put("member_code", id.member().memberCode())
                    .put("object_type", "SERVICE")
                    .put("service_code", id.serviceCode())
                    .put("service_type", contracts.publishes(s) ? "OPENAPI" : "REST")
                    .put("subsystem_code", id.subsystem().subsystemCode())
                    .put("xroad_instance", id.member().instance());
            if (id.version() != null) {
                entry.put("service_version", id.version());
            }
            ArrayNode endpointList = entry.putArray("endpoint_list");
            for (Operation o : endpoints.apply(s)) {
                endpointList.addObject().put("method", o.method()).put("path", xroadPath(o.path()));
            }
        }
        return MetadataAnswers.answer(exchange, "application/json", root.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Message openApi(Exchange exchange, ProviderServices services, ClientId client, Instant now) {
        String serviceCode = MetadataAnswers.queryParameter(exchange.getIn(), "serviceCode");
        if (serviceCode == null || serviceCode.isBlank()) {
            throw new TakamulException(ErrorCode.INVALID_REQUEST, "getOpenAPI needs the query parameter serviceCode");
        }
        String version = MetadataAnswers.queryParameter(exchange.getIn(), "serviceVersion");
        identifier(() -> services.provider().service(serviceCode, version));
        ServiceDescription service = services.describedTo(client, ServiceProtocol.REST, serviceCode, version, now);
        ContractDocuments.Contract contract = contracts.required(service);
        return MetadataAnswers.answer(exchange, contract.mediaType(), contract.content());
    }

    /** X-Road writes a path variable as {@code *}; our agreements name it, {@code {nationalId}}. */
    private static String xroadPath(String template) {
        return template.replaceAll("\\{[^/}]*}", "*");
    }

    private static <T> T identifier(Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IdentifierException e) {
            throw new TakamulException(ErrorCode.INVALID_IDENTIFIER, e.getMessage());
        }
    }
}
