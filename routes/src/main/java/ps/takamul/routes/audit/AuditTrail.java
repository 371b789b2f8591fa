package ps.takamul.routes.audit;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.util.CaseInsensitiveMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ps.takamul.audit.AuditLog;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.core.catalogue.BodyLogging;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.MessageHeaders;
import ps.takamul.core.protocol.TakamulException;
import ps.takamul.routes.exchange.Errors;
import ps.takamul.routes.exchange.ExchangeProperties;
import ps.takamul.routes.exchange.RequestContext;

/**
 * The ingress routes' side of the audit log. Every exchange, answered or refused, ends with a
 * record appended to the log, and its answer leaves only once that record is durable. While the
 * log cannot write, the node refuses new exchanges ({@code Server.AuditUnavailable}) rather than
 * serve them unaudited.
 *
 * <p>The steps, in route order: {@link #received()} first, {@link #forwarded()} just before the
 * broker, then {@link #answered(String)} after the answer is written, or {@link #refused(String)}
 * after an error answer is.
 */
public final class AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    /** Audit checks off: for the benchmark's unaudited baseline only (see bench/audit.sh). */
    public static final AuditTrail OFF = new AuditTrail(null, "-", null, null);

    private static final String DELIVERY_ATTEMPT = "takamul.audit.deliveryAttempt";
    /** A delivery runs on a broker consumer thread inside its transaction: it may wait for its record. */
    private static final long DELIVERY_WAIT_SECONDS = 10;

    private final AuditLog log;
    private final String origin;
    private final java.util.function.Supplier<Catalogue> catalogue;
    private final BodyMask mask;

    /**
     * @param log       the node's audit log
     * @param origin    this node's id, in every record
     * @param catalogue the catalogue in force (for agreement templates that name path variables)
     * @param mask      fields masked in bodies kept under {@code bodyLogging: full}
     */
    public AuditTrail(AuditLog log, String origin, java.util.function.Supplier<Catalogue> catalogue, BodyMask mask) {
        this.log = log;
        this.origin = origin;
        this.catalogue = catalogue;
        this.mask = mask;
    }

    /** Notes when the request came and what it came with; refuses it while the log is down. */
    public Processor received() {
        return exchange -> {
            exchange.setProperty(ExchangeProperties.RECEIVED_AT, Instant.now());
            if (log != null && !log.available()) {
                throw new TakamulException(ErrorCode.AUDIT_UNAVAILABLE,
                        "the audit log cannot record exchanges now; try again shortly");
            }
            // The ingress replaces the headers with the broker's; the record needs the client's.
            exchange.setProperty(ExchangeProperties.REQUEST_HEADERS, new CaseInsensitiveMap(exchange.getIn().getHeaders()));
        };
    }

    /** Notes the request as it goes to the provider side, and whom it is about. */
    public Processor forwarded() {
        return exchange -> {
            exchange.setProperty(ExchangeProperties.FORWARDED_AT, Instant.now());
            Message in = exchange.getIn();
            byte[] body = in.getBody(byte[].class);
            exchange.setProperty(ExchangeProperties.REQUEST_BODY, body);
            RequestContext request = RequestContext.of(exchange);
            if (request != null && log != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> headers = exchange.getProperty(ExchangeProperties.REQUEST_HEADERS, Map.class);
                exchange.setProperty(ExchangeRecords.DATA_SUBJECT, DataSubjects.find(request.service(),
                        catalogue.get().agreements(), in.getHeader(MessageHeaders.METHOD, String.class),
                        in.getHeader(MessageHeaders.PATH, String.class), in.getHeader(MessageHeaders.QUERY, String.class),
                        headers, body));
            }
        };
    }

    /**
     * Appends the record of an answered exchange. If it cannot be written, the answer is not
     * sent: the exchange fails with {@code Server.AuditUnavailable} instead.
     */
    public AsyncProcessor answered(String protocol) {
        return new Step(protocol, true);
    }

    /** Appends the record of a refused or failed exchange; its error answer stands either way. */
    public AsyncProcessor refused(String protocol) {
        return new Step(protocol, false);
    }

    private final class Step extends AsyncProcessorSupport {
        private final String protocol;
        private final boolean answered;

        Step(String protocol, boolean answered) {
            this.protocol = protocol;
            this.answered = answered;
        }

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            if (log == null) {
                callback.done(true);
                return true;
            }
            if (!answered && refusedForTheLog(exchange)) {
                // The log is down: there is nothing to append to, and it has said so once already.
                callback.done(true);
                return true;
            }
            if ("rest".equals(protocol)) {
                exchange.setProperty(ExchangeProperties.RESPONSE_BODY, exchange.getMessage().getBody(byte[].class));
            }
            AuditRecord record;
            java.util.concurrent.CompletableFuture<Long> appended;
            try {
                record = record(exchange);
                appended = log.append(record, keptBodies(exchange, record));
            } catch (RuntimeException e) {
                exchange.setException(e);
                callback.done(true);
                return true;
            }
            // Routing goes on where the record became durable (the journal's or the writer's
            // thread), not on a thread of its own: what follows is the answer's hand-back to the
            // HTTP or SOAP thread waiting for it, and a hand-over per answer cost more than that.
            // Nor does this thread wait: it is one of the few that take the providers' replies.
            appended.whenComplete((sequence, failure) -> {
                if (failure != null) {
                    LOG.error("{} id={} not audited: {}", protocol, record.messageId(), failure.getMessage());
                    if (answered) {
                        exchange.setException(new TakamulException(ErrorCode.AUDIT_UNAVAILABLE,
                                "the audit log could not record the exchange; its answer is withheld"));
                    }
                }
                callback.done(false);
            });
            return false;
        }

        private AuditRecord record(Exchange exchange) {
            RequestContext request = RequestContext.of(exchange);
            BodyLogging policy = request == null ? BodyLogging.METADATA : request.service().bodyLogging();
            if (answered) {
                int status = "soap".equals(protocol) ? 200
                        : exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class);
                return ExchangeRecords.of(exchange, origin, Instant.now(), status, null, policy);
            }
            TakamulException error = Errors.classify(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
            int status = "soap".equals(protocol) ? 500 : error.error().httpStatus();
            return ExchangeRecords.of(exchange, origin, Instant.now(), status, error.error().code(), policy);
        }
    }

    /**
     * The bodies a {@code bodyLogging: full} service keeps, masked, under the digests of the
     * bodies as they crossed the wire (what the record names and a signature covers). A body
     * that cannot be masked is not kept: the evidence package then says "body not kept".
     */
    private Map<String, byte[]> keptBodies(Exchange exchange, AuditRecord record) {
        RequestContext request = RequestContext.of(exchange);
        if (request == null || request.service().bodyLogging() != BodyLogging.FULL) {
            return Map.of();
        }
        Map<String, byte[]> kept = new java.util.HashMap<>();
        keep(kept, record.requestDigest(), exchange.getProperty(ExchangeProperties.REQUEST_BODY, byte[].class),
                contentType(exchange, true));
        keep(kept, record.responseDigest(), exchange.getProperty(ExchangeProperties.RESPONSE_BODY, byte[].class),
                contentType(exchange, false));
        return kept;
    }

    private void keep(Map<String, byte[]> kept, String digest, byte[] body, String contentType) {
        if (digest == null || body == null || body.length == 0) {
            return;
        }
        byte[] masked = mask.apply(body, contentType);
        if (masked != null) {
            kept.put(digest, masked);
        }
    }

    private static String contentType(Exchange exchange, boolean request) {
        if (RequestContext.of(exchange).service().protocol() == ps.takamul.core.catalogue.ServiceProtocol.SOAP) {
            return "text/xml";
        }
        if (request) {
            @SuppressWarnings("unchecked")
            Map<String, Object> headers = exchange.getProperty(ExchangeProperties.REQUEST_HEADERS, Map.class);
            Object type = headers == null ? null : headers.get(Exchange.CONTENT_TYPE);
            return type == null ? null : type.toString();
        }
        return exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class);
    }

    /**
     * Records a request refused before any route saw it: by the HTTP server (a body over the
     * limit) or by CXF (a broken envelope, a WS-Security header that does not verify). Little is
     * known of it: what the refusal found, the error code and when.
     *
     * @return completes once the record is durable; the refusal is answered either way
     */
    public java.util.concurrent.CompletableFuture<Long> refusedOutsideRoutes(String protocol, String messageId,
                                                                              String client, int status, String errorCode) {
        if (log == null || !log.available()) {
            return java.util.concurrent.CompletableFuture.completedFuture(-1L);
        }
        Instant now = Instant.now();
        AuditRecord record = new AuditRecord(AuditRecord.Kind.EXCHANGE, now, origin, messageId, messageId, client,
                null, null, null, null, null, now, null, now, 0, 0, status, errorCode, null, null, null, null, null,
                Map.of("hop", "ingress", "refusedBy", protocol.equals("soap") ? "cxf" : "http-server"));
        return log.append(record).exceptionally(failure -> {
            LOG.error("{} id={} refusal not audited: {}", protocol, messageId, failure.getMessage());
            return -1L;
        });
    }

    /** Notes, before a notification goes to its provider, which message it is and when it went. */
    public Processor deliveryStarted() {
        return exchange -> {
            Message in = exchange.getIn();
            exchange.setProperty(ExchangeProperties.FORWARDED_AT, Instant.now());
            exchange.setProperty(ExchangeProperties.MESSAGE_ID, in.getHeader(MessageHeaders.MESSAGE_ID, String.class));
            exchange.setProperty(ps.takamul.routes.exchange.ExchangeLog.CLIENT, in.getHeader(MessageHeaders.CLIENT, String.class));
            exchange.setProperty(DELIVERY_ATTEMPT, in.getHeader("JMSXDeliveryCount", 1, Integer.class));
        };
    }

    /** Records a notification's delivery to its provider; throws, for a rollback, if it cannot. */
    public Processor delivered(ServiceId service) {
        return exchange -> appendDelivery(exchange, service,
                exchange.getMessage().getHeader(MessageHeaders.STATUS, 200, Integer.class), null);
    }

    /** Records a failed delivery attempt; the broker will try again, or move it to the dead-letter queue. */
    public Processor deliveryFailed(ServiceId service) {
        return exchange -> {
            TakamulException error = Errors.classify(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
            if (error.error() == ErrorCode.AUDIT_UNAVAILABLE) {
                return; // the delivery's own record failed: the rollback says enough
            }
            try {
                appendDelivery(exchange, service, error.error().httpStatus(), error.error().code());
            } catch (TakamulException e) {
                LOG.error("notification id={} failed delivery not audited: {}",
                        exchange.getProperty(ExchangeProperties.MESSAGE_ID), e.getMessage());
            }
        };
    }

    private void appendDelivery(Exchange exchange, ServiceId service, int status, String errorCode) {
        if (log == null) {
            return;
        }
        AuditRecord record = ExchangeRecords.delivery(exchange, origin, service, Instant.now(), status, errorCode,
                exchange.getProperty(DELIVERY_ATTEMPT, 1, Integer.class));
        try {
            log.append(record).get(DELIVERY_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new TakamulException(ErrorCode.AUDIT_UNAVAILABLE, "the delivery could not be recorded; it will be retried");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TakamulException(ErrorCode.AUDIT_UNAVAILABLE, "interrupted while recording the delivery");
        }
    }

    private static boolean refusedForTheLog(Exchange exchange) {
        return Errors.classify(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)).error()
                == ErrorCode.AUDIT_UNAVAILABLE;
    }
}
