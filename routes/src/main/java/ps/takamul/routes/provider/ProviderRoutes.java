package ps.takamul.routes.provider;

import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import ps.takamul.routes.audit.AuditTrail;
import org.apache.camel.model.TryDefinition;
import org.springframework.core.task.SyncTaskExecutor;
import ps.takamul.core.catalogue.ServiceDescription;
import ps.takamul.core.catalogue.ServiceKind;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.MessageHeaders;
import ps.takamul.core.protocol.TakamulException;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.routes.exchange.Queues;

/**
 * The provider side: for every service this node hosts, a route that takes requests off the
 * service's queue, runs the optional mediation, and calls the provider through its connector.
 *
 * <p>Queries answer over JMS request-reply; a failure becomes an error reply. Notifications are
 * consumed in a local JMS transaction: a failure rolls back, and Artemis redelivers with back-off
 * and finally moves the message to its dead-letter queue (see the broker's address settings).
 *
 * <p>A service's route ids depend only on its id and kind, so a catalogue reload can build,
 * find and remove one service's routes ({@link #of}, {@link #routeIds}).
 */
public final class ProviderRoutes extends RouteBuilder {
    private final Iterable<ServiceDescription> services;
    private final Map<ServiceId, Processor> connectors;
    private final AuditTrail audit;

    /**
     * @param services   the services whose providers this node hosts
     * @param connectors the connector processor of each of them
     * @param audit      where each notification delivery attempt is recorded
     */
    public ProviderRoutes(Iterable<ServiceDescription> services, Map<ServiceId, Processor> connectors, AuditTrail audit) {
        this.services = services;
        this.connectors = connectors;
        this.audit = audit;
    }

    /** The routes of one service. */
    public static ProviderRoutes of(ServiceDescription service, Processor connector, AuditTrail audit) {
        return new ProviderRoutes(List.of(service), Map.of(service.id(), connector), audit);
    }

    /** The route that consumes the service's queue. */
    public static String routeId(ServiceDescription service) {
        return (service.kind() == ServiceKind.QUERY ? "provider-query:" : "provider-notify:") + service.id();
    }

    /** The route behind a query's queue consumer that calls the provider. */
    public static String pipelineRouteId(ServiceDescription service) {
        return "provider-pipeline:" + service.id();
    }

    /** Every route of the service, the queue consumer first: the order to stop them in. */
    public static List<String> routeIds(ServiceDescription service) {
        return service.kind() == ServiceKind.QUERY
                ? List.of(routeId(service), pipelineRouteId(service))
                : List.of(routeId(service));
    }

    /**
     * The task executor of the query consumers: runs the listener in the thread that received the
     * message. Camel gives a {@code consumerType=Simple} container a thread pool of its own, which
     * hands one session's messages to several threads at once; a JMS session is single-threaded,
     * and Artemis then warns of concurrent session use (AMQ212051) while the threads queue on the
     * session's channel to create their reply producers. One thread per session is what the JMS
     * contract allows; concurrency comes from the service's {@code consumers}.
     */
    static final String LISTENER_EXECUTOR = "takamul-jms-listener-in-receiving-thread";

    /**
     * How much longer than the service's timeout a reply lives. A reply nobody reads any more (its
     * node stopped or crashed) then expires instead of keeping that node's reply queue, and so the
     * queue itself, on an external broker. Generous, because the expiry is an absolute time set by
     * this node's clock and checked by the broker's.
     */
    static final long REPLY_TTL_SLACK_MILLIS = 60_000;

    @Override
    public void configure() {
        getContext().getRegistry().bind(LISTENER_EXECUTOR, new SyncTaskExecutor());
        for (ServiceDescription service : services) {
            if (service.kind() == ServiceKind.QUERY) {
                query(service);
            } else {
                notification(service);
            }
        }
    }

    private void query(ServiceDescription service) {
        String pipeline = pipelineEndpoint(service);
        from("jms:queue:" + Queues.query(service.id())
                + "?jmsMessageType=Bytes&explicitQosEnabled=true&replyToDeliveryPersistent=false&consumerType=Simple"
                + "&acknowledgementModeName=DUPS_OK_ACKNOWLEDGE&taskExecutor=#" + LISTENER_EXECUTOR
                + "&timeToLive=" + (service.timeout().toMillis() + REPLY_TTL_SLACK_MILLIS)
                + "&concurrentConsumers="
                + service.consumers())
                .routeId(routeId(service))
                .errorHandler(noErrorHandler())
                .to(pipeline);

        TryDefinition attempt = from(pipeline)
                .routeId(pipelineRouteId(service))
                .errorHandler(noErrorHandler())
                .doTry();
        callProvider(attempt, service);
        attempt.process(Replies::success)
                .doCatch(Exception.class)
                .process(Replies::failure)
                .end();
    }

    /**
     * The provider side of a query as a route of its own, named after the service's queue. The
     * broker route feeds it; the benchmark's no-queue baseline calls it directly.
     */
    public static String pipelineEndpoint(ServiceDescription service) {
        return "direct:" + Queues.query(service.id());
    }

    /**
     * Each delivery attempt is a hop of the notification's story in the audit log: delivered, or
     * failed and left for the broker to redeliver. A delivery whose record cannot be written is
     * rolled back like a failed one, so no delivery goes unaudited.
     */
    private void notification(ServiceDescription service) {
        TryDefinition attempt = from("jms:queue:" + Queues.notification(service.id())
                + "?jmsMessageType=Bytes&transacted=true&concurrentConsumers=" + service.consumers())
                .routeId(routeId(service))
                .errorHandler(noErrorHandler())
                .process(audit.deliveryStarted())
                .doTry();
        callProvider(attempt, service);
        attempt.process(ProviderRoutes::requireSuccess)
                .process(audit.delivered(service.id()))
                .doCatch(Exception.class)
                .process(audit.deliveryFailed(service.id()))
                .process(ProviderRoutes::rethrow)
                .end();
    }

    /** Hands the failure back to the JMS transaction, which rolls back for the broker to redeliver. */
    private static void rethrow(Exchange exchange) throws Exception {
        throw exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }

    private void callProvider(org.apache.camel.model.ProcessorDefinition<?> steps, ServiceDescription service) {
        // Text that mediation builds becomes bytes in UTF-8, whatever the JVM's default charset.
        steps.setProperty(Exchange.CHARSET_NAME, constant("UTF-8"));
        if (service.mediation().request() != null) {
            steps.to(service.mediation().request());
        }
        steps.process(connectors.get(service.id()));
        if (service.mediation().response() != null) {
            steps.to(service.mediation().response());
        }
    }

    /** A notification counts as delivered only when the provider says 2xx. */
    private static void requireSuccess(Exchange exchange) {
        int status = exchange.getMessage().getHeader(MessageHeaders.STATUS, 200, Integer.class);
        if (status < 200 || status > 299) {
            throw new TakamulException(ErrorCode.PROVIDER_FAULT, "provider answered HTTP " + status);
        }
    }
}
