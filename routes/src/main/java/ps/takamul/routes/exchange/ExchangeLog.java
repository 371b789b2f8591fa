package ps.takamul.routes.exchange;

import ps.takamul.routes.agreement.AgreementDecision;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per exchange, for operators. It names who asked what and how it ended, never the
 * body, path or query: those may hold national IDs and names.
 */
public final class ExchangeLog {
    private static final Logger LOG = LoggerFactory.getLogger("takamul.exchange");
    /** Who called and what, as soon as the ingress has read them, for refusals that come later. */
    public static final String CLIENT = "takamul.log.client";
    public static final String SERVICE = "takamul.log.service";

    private ExchangeLog() {
    }

    /**
     * The answered line names the agreement that allowed the exchange and how many response
     * fields it withheld (which ones is for the audit record: paths only, never values).
     */
    public static void answered(Exchange exchange, String protocol, int status) {
        if (LOG.isInfoEnabled()) {
            RequestContext request = RequestContext.of(exchange);
            AgreementDecision decision = AgreementDecision.of(exchange);
            LOG.info("{} id={} client={} service={} status={} agreement={} withheld={} ms={}", protocol,
                    request.messageId(), request.client(), request.service().id(), status,
                    decision == null ? "-" : decision.agreement().id(),
                    decision == null ? 0 : decision.removedFields().size(), elapsedMillis(exchange));
        }
    }

    public static void refused(Exchange exchange, String protocol, String messageId, String code, String detail) {
        LOG.warn("{} id={} client={} service={} error={} detail=\"{}\" ms={}", protocol, messageId,
                exchange.getProperty(CLIENT, "-", String.class), exchange.getProperty(SERVICE, "-", String.class),
                code, LogMask.digits(detail), elapsedMillis(exchange));
    }

    /**
     * An internal error has no code that explains it: operators need the cause. The line names
     * the exception with its message's digit runs masked; the stack trace is logged at DEBUG.
     */
    public static void internalError(String protocol, String messageId, Throwable failure) {
        LOG.error("{} id={} internal error: {}: {}", protocol, messageId,
                failure == null ? "-" : failure.getClass().getName(),
                failure == null ? "-" : LogMask.digits(String.valueOf(failure.getMessage())));
        if (failure != null && LOG.isDebugEnabled()) {
            LOG.debug("internal error " + messageId, failure);
        }
    }

    private static long elapsedMillis(Exchange exchange) {
        Long start = exchange.getProperty(ExchangeProperties.RECEIVED_NANOS, Long.class);
        return start == null ? -1 : (System.nanoTime() - start) / 1_000_000;
    }
}
