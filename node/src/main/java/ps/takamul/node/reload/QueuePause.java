package ps.takamul.node.reload;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import ps.takamul.core.catalogue.ServiceDescription;
import ps.takamul.core.catalogue.ServiceKind;
import ps.takamul.routes.exchange.Queues;

/**
 * Holds a service's queue in the broker while its consumer is replaced, through the broker's own
 * management operation ({@code QueueControl.pause()}). Messages then wait in the queue instead of
 * reaching a listener container that is stopping, or one that is starting on the node's already
 * started shared connection and is not yet running: Spring refuses both, and with the query
 * consumers' DUPS_OK acknowledgement a refused message is lost. The embedded broker registers its
 * queues in this JVM; an external broker's queues are not held (docs/operations.md).
 */
final class QueuePause implements AutoCloseable {
    private final MBeanServer server;
    private final Set<ObjectName> paused;

    private QueuePause(MBeanServer server, Set<ObjectName> paused) {
        this.server = server;
        this.paused = paused;
    }

    /** Pauses the queues of these services that the broker has; a queue not made yet needs no holding. */
    static QueuePause of(ServiceDescription... services) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> queues = new HashSet<>();
        for (ServiceDescription service : services) {
            String queue = service.kind() == ServiceKind.QUERY ? Queues.query(service.id()) : Queues.notification(service.id());
            queues.addAll(server.queryNames(new ObjectName("org.apache.activemq.artemis:component=addresses,"
                    + "subcomponent=queues,queue=" + ObjectName.quote(queue) + ",*"), null));
        }
        for (ObjectName name : queues) {
            server.invoke(name, "pause", null, null);
        }
        return new QueuePause(server, queues);
    }

    @Override
    public void close() throws JMException {
        for (ObjectName name : paused) {
            server.invoke(name, "resume", null, null);
        }
    }
}
