package ps.takamul.node.reload;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ps.takamul.core.audit.AdminAudit;
import ps.takamul.node.config.NodeSettings;
import ps.takamul.routes.exchange.CatalogueHolder;

/**
 * Keeps a running node's catalogue in step with its files, without a restart: the watcher (unless
 * {@code takamul.catalogue.reload=false}) and the operator's JMX operation, both through one
 * reloader (docs/operations.md, "Changing the catalogue without a restart").
 */
public final class LiveCatalogue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("takamul.catalogue");

    private final CatalogueWatcher watcher;
    private final ObjectName name;

    private LiveCatalogue(CatalogueWatcher watcher, ObjectName name) {
        this.watcher = watcher;
        this.name = name;
    }

    /** Starts watching and registers the JMX control; call once the node's routes run. */
    public static LiveCatalogue start(NodeSettings settings, CatalogueHolder holder, HostedRoutes routes, AdminAudit audit)
            throws Exception {
        CatalogueReloader reloader = new CatalogueReloader(settings, holder, routes, audit, Clock.systemUTC());
        ObjectName name = objectName(settings.nodeId());
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            server.registerMBean(new CatalogueControl(reloader), name);
        } catch (InstanceAlreadyExistsException e) {
            // Another node of the same id in this JVM (tests start several): the files still reload this one.
            LOG.warn("{} is taken by another node in this JVM; this node's catalogue reloads only from its files", name);
            name = null;
        }
        try {
            CatalogueWatcher watcher = settings.getBoolean("takamul.catalogue.reload")
                    ? CatalogueWatcher.start(reloader, reloader.folders(), settings.getDuration("takamul.catalogue.reload.debounce"),
                            settings.getDuration("takamul.catalogue.reload.interval"))
                    : null;
            return new LiveCatalogue(watcher, name);
        } catch (Exception e) {
            if (name != null) {
                server.unregisterMBean(name);
            }
            throw e;
        }
    }

    /** {@code ps.takamul:type=Catalogue,node="<node id>"}: one node per JVM in production, several in tests. */
    public static ObjectName objectName(String nodeId) {
        try {
            return new ObjectName("ps.takamul:type=Catalogue,node=" + ObjectName.quote(nodeId));
        } catch (JMException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (watcher != null) {
                watcher.close();
            }
        } finally {
            if (name != null) {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
            }
        }
    }
}
