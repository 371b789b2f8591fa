package ps.takamul.routes.agreement;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.camel.Exchange;
import ps.takamul.core.agreement.DataSharingAgreement;
import ps.takamul.core.agreement.FieldFilter;
import ps.takamul.core.agreement.JsonFieldFilter;
import ps.takamul.core.agreement.XmlFieldFilter;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;

/**
 * The data-sharing policy on the message path, shared by the REST and SOAP ingress: before the
 * broker, {@link #admit} finds the agreement that allows the request and takes it from that
 * agreement's rate limit and quota; after the provider, {@link #reduce} cuts the answer down to
 * the agreement's response fields. The provider is never asked to tailor its answer.
 */
public final class AgreementEnforcement {
    private final Clock clock;
    private final RateLimits limits;
    /**
     * Filters compiled once per agreement, by id: looking an agreement up by its id costs a cached
     * string hash, where the record itself would hash all its lists on every answer. A reload
     * brings a new agreement object, which is compiled afresh.
     */
    private final Map<String, Compiled> jsonFilters = new ConcurrentHashMap<>();
    private final Map<String, Compiled> xmlFilters = new ConcurrentHashMap<>();

    private record Compiled(DataSharingAgreement agreement, FieldFilter filter) {
    }

    public AgreementEnforcement() {
        this(Clock.systemUTC(), new RateLimits());
    }

    public AgreementEnforcement(Clock clock, RateLimits limits) {
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * Refuses the request unless an agreement in force covers it, for the stated purpose and
     * within its allowances; records the decision on the exchange.
     *
     * @param path REST: the path below the service; SOAP: the operation (payload element) name
     */
    public DataSharingAgreement admit(Exchange exchange, Catalogue catalogue, ClientId client, ServiceId service,
                                      String method, String path, String purpose) {
        DataSharingAgreement agreement = catalogue.agreements().decide(client, service, method, path, purpose, clock.instant());
        limits.acquire(agreement, client);
        new AgreementDecision(agreement, List.of()).attachTo(exchange);
        return agreement;
    }

    /**
     * Reduces an answer to the fields of the exchange's agreement. An agreement without response
     * fields passes the answer whole. An answer that cannot be reduced (not JSON or XML, or not
     * well-formed) is not passed on at all: withholding nothing by mistake would leak data.
     *
     * @param contentType the answer's media type; SOAP payloads are XML
     */
    public byte[] reduce(Exchange exchange, byte[] body, String contentType) {
        AgreementDecision decision = AgreementDecision.of(exchange);
        if (decision == null || decision.agreement().responseFields().isEmpty() || body == null || body.length == 0) {
            return body;
        }
        DataSharingAgreement agreement = decision.agreement();
        FieldFilter filter = switch (format(contentType)) {
            case JSON -> compiled(jsonFilters, agreement, JsonFieldFilter::new);
            case XML -> compiled(xmlFilters, agreement, XmlFieldFilter::new);
            case OTHER -> throw new TakamulException(ErrorCode.RESPONSE_NOT_REDUCIBLE, "agreement " + agreement.id()
                    + " limits the answer's fields, but the provider answered with " + contentType);
        };
        FieldFilter.Reduced reduced;
        try {
            reduced = filter.reduce(body);
        } catch (IllegalArgumentException e) {
            throw new TakamulException(ErrorCode.RESPONSE_NOT_REDUCIBLE, "agreement " + agreement.id()
                    + " limits the answer's fields, but the provider's answer is not well-formed: " + e.getMessage());
        }
        decision.withRemoved(reduced.removed()).attachTo(exchange);
        return reduced.body();
    }

    private static FieldFilter compiled(Map<String, Compiled> cache, DataSharingAgreement agreement,
                                        Function<List<String>, FieldFilter> compile) {
        Compiled known = cache.get(agreement.id());
        if (known == null || known.agreement() != agreement) {
            known = new Compiled(agreement, compile.apply(agreement.responseFields()));
            cache.put(agreement.id(), known);
        }
        return known.filter();
    }

    private enum Format { JSON, XML, OTHER }

    private static Format format(String contentType) {
        if (contentType == null) {
            return Format.OTHER;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        type = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
        if (type.equals("application/json") || type.endsWith("+json")) {
            return Format.JSON;
        }
        if (type.equals("application/xml") || type.equals("text/xml") || type.endsWith("+xml")) {
            return Format.XML;
        }
        return Format.OTHER;
    }
}
