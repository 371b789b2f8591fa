package ps.takamul.node.reload;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.jms.JmsConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ps.takamul.connector.Connectors;
import ps.takamul.core.catalogue.CatalogueException;
import ps.takamul.core.catalogue.ServiceDescription;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.node.ConnectorBinding;
import ps.takamul.routes.audit.AuditTrail;
import ps.takamul.routes.provider.ProviderRoutes;

/**
 * The provider routes this node runs, one set per hosted service, and how a new catalogue changes
 * them. Routes call their connector through a {@link ConnectorSwitch}, so a new connector address
 * or timeout is switched in under the running route. Routes are added for services newly hosted,
 * stopped gracefully and removed for services no longer hosted, and replaced when what the route
 * itself is built from changes (kind, consumers, mediation).
 */
public final class HostedRoutes {
    private static final Logger LOG = LoggerFactory.getLogger("takamul.catalogue");

    /** One hosted service and the switch its routes call. */
    private record Hosted(ServiceDescription service, ConnectorSwitch connector) {
    }

    private final CamelContext camel;
    private final Connectors connectors;
    private final Consumer<List<ServiceDescription>> hostingCheck;
    private final Duration replyMargin;
    private final AuditTrail audit;
    private Map<ServiceId, Hosted> current = new LinkedHashMap<>();

    /**
     * @param hosted       the services whose routes the node starts with
     * @param bound        their connectors
     * @param hostingCheck what start-up checks before hosting a service (signing keys, mediation
     *                     endpoints); throws when a service cannot be hosted
     * @param replyMargin  how much longer than a service's timeout a caller waits
     * @param audit        where notification deliveries are recorded
     */
    public HostedRoutes(CamelContext camel, List<ServiceDescription> hosted, Map<ServiceId, Processor> bound,
                        Consumer<List<ServiceDescription>> hostingCheck, Duration replyMargin, AuditTrail audit) {
        this.camel = camel;
        this.connectors = Connectors.discover();
        this.hostingCheck = hostingCheck;
        this.replyMargin = replyMargin;
        this.audit = audit;
        hosted.forEach(s -> current.put(s.id(), new Hosted(s, new ConnectorSwitch(bound.get(s.id())))));
    }

    /** The start-up routes of the hosted services, calling their connectors through the switches. */
    public RoutesBuilder routes() {
        Map<ServiceId, Processor> switches = new LinkedHashMap<>();
        current.forEach((id, hosted) -> switches.put(id, hosted.connector()));
        return new ProviderRoutes(current.values().stream().map(Hosted::service).toList(), switches, audit);
    }

    /**
     * Moves the provider side to the services in {@code next}, running {@code swapCatalogue} once
     * new and changed services are served and before removed ones stop: the ingress stops sending
     * to a removed service before its consumer goes.
     *
     * @throws CatalogueException when the change cannot be applied; the routes are then as before
     */
    void update(List<ServiceDescription> next, Runnable swapCatalogue) {
        Map<ServiceId, ServiceDescription> wanted = new LinkedHashMap<>();
        next.forEach(s -> wanted.put(s.id(), s));
        List<ServiceDescription> toBind = wanted.values().stream()
                .filter(s -> !current.containsKey(s.id()) || connectorDiffers(current.get(s.id()).service(), s)
                        || routeDiffers(current.get(s.id()).service(), s))
                .toList();
        hostingCheck.accept(toBind);
        Map<ServiceId, Processor> bound = ConnectorBinding.bind(camel, toBind, connectors);

        Map<ServiceId, Hosted> now = new LinkedHashMap<>();
        Deque<Runnable> undo = new ArrayDeque<>();
        try {
            for (ServiceDescription s : wanted.values()) {
                now.put(s.id(), apply(current.get(s.id()), s, bound.get(s.id()), undo));
            }
        } catch (Exception e) {
            undo.forEach(Runnable::run);
            throw new CatalogueException(List.of("the provider routes could not be changed, the previous ones keep running: "
                    + e.getMessage()));
        }
        swapCatalogue.run();
        current.values().stream().filter(h -> !wanted.containsKey(h.service().id()))
                .forEach(gone -> removeQuietly(gone.service()));
        current = now;
    }

    /** What serves {@code next} from now on; {@code undo} learns how to put back what was. */
    private Hosted apply(Hosted old, ServiceDescription next, Processor connector, Deque<Runnable> undo) throws Exception {
        if (old == null || routeDiffers(old.service(), next)) {
            Hosted built = new Hosted(next, new ConnectorSwitch(connector));
            undo.push(old == null ? () -> removeQuietly(next) : () -> replaceQuietly(next, old));
            replace(old == null ? null : old.service(), built);
            return built;
        }
        if (connector != null) {
            Processor before = old.connector().current();
            old.connector().switchTo(connector);
            undo.push(() -> old.connector().switchTo(before));
        }
        return new Hosted(next, old.connector());
    }

    /** Whether the connector would be built differently: its settings, or the timeout it is given. */
    private static boolean connectorDiffers(ServiceDescription before, ServiceDescription after) {
        return !before.connector().equals(after.connector()) || !before.timeout().equals(after.timeout())
                || before.protocol() != after.protocol();
    }

    /** Whether the routes themselves would be built differently. */
    private static boolean routeDiffers(ServiceDescription before, ServiceDescription after) {
        return before.kind() != after.kind() || before.consumers() != after.consumers()
                || !Objects.equals(before.mediation(), after.mediation());
    }

    /**
     * Puts {@code next}'s routes in place of {@code old}'s (null: none), with the queues held
     * meanwhile: messages wait in the broker until the new consumer runs.
     */
    private void replace(ServiceDescription old, Hosted next) throws Exception {
        try (QueuePause held = old == null ? QueuePause.of(next.service()) : QueuePause.of(old, next.service())) {
            if (old != null) {
                stopAndRemove(old);
            }
            // Routes a removal could not finish would hold the ids.
            stopAndRemove(next.service());
            camel.addRoutes(ProviderRoutes.of(next.service(), next.connector(), audit));
        }
    }

    private void replaceQuietly(ServiceDescription current, Hosted previous) {
        try {
            replace(current, previous);
        } catch (Exception e) {
            LOG.error("The provider routes of {} could not be restored; its requests wait in its queue: {}",
                    previous.service().id(), e.getMessage(), e);
        }
    }

    private void removeQuietly(ServiceDescription service) {
        try (QueuePause held = QueuePause.of(service)) {
            stopAndRemove(service);
        } catch (Exception e) {
            LOG.warn("The provider routes of {} could not all be removed: {}", service.id(), e.getMessage(), e);
        }
    }

    /**
     * Stops the service's routes, the queue consumer first, each once its exchanges in flight are
     * done or its callers have stopped waiting for them; then removes them. The consumer finishes
     * the messages it was already given rather than refusing them.
     */
    private void stopAndRemove(ServiceDescription service) throws Exception {
        long patience = Math.max(1, service.timeout().plus(replyMargin).toSeconds());
        for (String routeId : ProviderRoutes.routeIds(service)) {
            Route route = camel.getRoute(routeId);
            if (route == null) {
                continue;
            }
            if (route.getConsumer() instanceof JmsConsumer jms) {
                jms.getListenerContainer().setAcceptMessagesWhileStopping(true);
            }
            camel.getRouteController().stopRoute(routeId, patience, TimeUnit.SECONDS);
            camel.removeRoute(routeId);
        }
    }
}
