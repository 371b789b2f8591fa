package ps.takamul.routes.rest;

import java.util.List;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.catalogue.ServiceDescription;
import ps.takamul.core.catalogue.ServiceKind;
import ps.takamul.core.catalogue.ServiceProtocol;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.identifier.IdentifierException;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.core.identifier.SubsystemId;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.MessageHeaders;
import ps.takamul.core.protocol.TakamulException;
import ps.takamul.core.protocol.XRoadHeaders;
import ps.takamul.routes.agreement.AgreementEnforcement;
import ps.takamul.routes.exchange.BodyChecks;
import ps.takamul.routes.exchange.BrokerEndpoints;
import ps.takamul.routes.exchange.ExchangeLog;
import ps.takamul.routes.exchange.ExchangeProperties;
import ps.takamul.routes.exchange.IngressSettings;
import ps.takamul.routes.exchange.Queues;
import ps.takamul.routes.exchange.RequestContext;

/**
 * Reads an X-Road REST r1 request, {@code METHOD /r1/INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE[/VERSION][/path]},
 * and refuses it unless the client, the service and the body all check out. Only a request that
 * passes leaves this processor, ready for the broker.
 */
public final class RestRequestReader implements Processor {
    static final String PREFIX = "/r1/";

    private final Supplier<Catalogue> catalogue;
    private final long maxBodyBytes;
    private final long replyMarginMillis;
    private final boolean requireClientCertificate;
    private final RestSignatures signatures;
    private final AgreementEnforcement agreements;

    RestRequestReader(Supplier<Catalogue> catalogue, IngressSettings settings, RestSignatures signatures) {
        this.catalogue = catalogue;
        this.signatures = signatures;
        this.maxBodyBytes = settings.maxBodyBytes();
        this.replyMarginMillis = settings.replyMarginMillis();
        this.requireClientCertificate = settings.requireClientCertificate();
        this.agreements = settings.agreements();
    }

    @Override
    public void process(Exchange exchange) {
        exchange.setProperty(ExchangeProperties.RECEIVED_NANOS, System.nanoTime());
        Message in = exchange.getIn();
        String messageId = RequestContext.messageIdOrNew(in.getHeader(XRoadHeaders.ID, String.class));
        exchange.setProperty(ExchangeProperties.MESSAGE_ID, messageId);
        Catalogue current = catalogue.get();

        String clientHeader = in.getHeader(XRoadHeaders.CLIENT, String.class);
        if (clientHeader == null || clientHeader.isBlank()) {
            throw new TakamulException(ErrorCode.MISSING_HEADER, "header " + XRoadHeaders.CLIENT + " is required");
        }
        ClientId client = parse(() -> ClientId.parse(clientHeader.strip()));
        exchange.setProperty(ExchangeLog.CLIENT, client.toString());
        if (requireClientCertificate) {
            ClientCertificates.requireCertificateOf(in, client);
        }
        if (!current.isKnown(client)) {
            throw new TakamulException(ErrorCode.UNKNOWN_CLIENT, "client " + client + " is not registered");
        }

        String method = in.getHeader(Exchange.HTTP_METHOD, String.class);
        ResolvedPath resolved = resolve(current, rawPath(in));
        ServiceDescription service = resolved.service();
        exchange.setProperty(ExchangeLog.SERVICE, service.id().toString());
        if (service.protocol() != ServiceProtocol.REST) {
            throw new TakamulException(ErrorCode.PROTOCOL_MISMATCH,
                    "service " + service.id() + " is a SOAP service; call it over SOAP");
        }
        if (service.kind() == ServiceKind.NOTIFICATION && !"POST".equals(method)) {
            throw new TakamulException(ErrorCode.METHOD_NOT_ALLOWED,
                    "notification service " + service.id() + " takes POST only");
        }
        String purpose = in.getHeader(XRoadHeaders.PURPOSE, String.class);

        byte[] body = BodyChecks.bytesOf(in);
        BodyChecks.checkSize(body, maxBodyBytes);
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        BodyChecks.checkWellFormed(body, contentType);
        if (signatures.enabled()) {
            signatures.check(exchange, in, client, service.id().member(), messageId, body);
        }
        // After the signature: an unsigned or forged request must not use up a client's allowance.
        agreements.admit(exchange, current, client, service.id(), method, resolved.path(), purpose);

        RequestContext request = new RequestContext(messageId, client, service,
                in.getHeader(XRoadHeaders.USER_ID, String.class), in.getHeader(XRoadHeaders.ISSUE, String.class),
                purpose);
        request.attachTo(exchange);
        String query = in.getHeader(Exchange.HTTP_QUERY, String.class);

        request.writeHeaders(in);
        in.setHeader(MessageHeaders.METHOD, method);
        in.setHeader(MessageHeaders.PATH, resolved.path());
        if (query != null && !query.isEmpty()) {
            in.setHeader(MessageHeaders.QUERY, query);
        }
        if (contentType != null) {
            in.setHeader(MessageHeaders.CONTENT_TYPE, contentType);
        }
        in.setBody(body);
        if (service.kind() == ServiceKind.NOTIFICATION) {
            in.setHeader(BrokerEndpoints.DESTINATION_HEADER, Queues.notification(service.id()));
            in.setHeader(BrokerEndpoints.DUPLICATE_ID_HEADER, client + "|" + messageId);
        } else {
            BrokerEndpoints.addressQuery(in, Queues.query(service.id()), service.timeout().toMillis() + replyMarginMillis);
        }
    }

    private static String rawPath(Message in) {
        String uri = in.getHeader(Exchange.HTTP_URI, String.class);
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        int start = path.indexOf(PREFIX);
        return start < 0 ? "" : path.substring(start + PREFIX.length());
    }

    /** The service named by the path, and the rest of the path that goes to the provider. */
    record ResolvedPath(ServiceDescription service, String path) {
    }

    static ResolvedPath resolve(Catalogue catalogue, String path) {
        String[] segments = path.split("/", -1);
        if (segments.length < 5) {
            throw new TakamulException(ErrorCode.INVALID_IDENTIFIER, "path must be "
                    + PREFIX + "INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE[/VERSION][/path]");
        }
        SubsystemId subsystem = parse(() -> new MemberId(segments[0], segments[1], segments[2]).subsystem(segments[3]));
        String code = segments[4];
        parse(() -> subsystem.service(code, null));
        List<ServiceDescription> candidates = catalogue.servicesByCode(subsystem, code);
        int rest = 5;
        ServiceDescription match = null;
        for (ServiceDescription candidate : candidates) {
            String version = candidate.id().version();
            if (version == null) {
                match = candidate;
            } else if (segments.length > 5 && version.equals(segments[5])) {
                match = candidate;
                rest = 6;
                break;
            }
        }
        if (match == null) {
            throw new TakamulException(ErrorCode.UNKNOWN_SERVICE, "no service " + subsystem + "/" + code
                    + (segments.length > 5 ? " with version '" + segments[5] + "'" : "") + " in the catalogue");
        }
        StringBuilder remaining = new StringBuilder();
        for (int i = rest; i < segments.length; i++) {
            remaining.append('/').append(segments[i]);
        }
        return new ResolvedPath(match, remaining.toString());
    }

    private static <T> T parse(Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IdentifierException e) {
            throw new TakamulException(ErrorCode.INVALID_IDENTIFIER, e.getMessage());
        }
    }
}
