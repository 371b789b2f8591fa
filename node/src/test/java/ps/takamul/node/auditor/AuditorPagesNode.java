package ps.takamul.node.auditor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import ps.takamul.audit.AuditLog;
import ps.takamul.audit.bundle.Exporter;
import ps.takamul.audit.checkpoint.CheckpointMaker;
import ps.takamul.audit.checkpoint.CheckpointPolicy;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.audit.store.AuditStores;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.node.audit.auditors.Auditors;
import ps.takamul.node.config.CatalogueSource;
import ps.takamul.node.support.TestNodes;
import ps.takamul.routes.auditor.AuditorAccess;
import ps.takamul.routes.auditor.AuditorRoutes;
import ps.takamul.routes.auditor.AuditorRole;

/**
 * The auditor pages as a node serves them: the routes on a Vert.x HTTP port, a real audit log
 * (H2), the shipped catalogue for the institutions' names, and real users from an auditors file.
 */
final class AuditorPagesNode implements AutoCloseable {
    static final String ORIGIN = "PS-GOV-HUB";
    static final String AUDITOR = "auditor";
    static final String AUDITOR_PASSWORD = "auditor-pw-1";
    static final String DPO = "dpo";
    static final String DPO_PASSWORD = "dpo-pw-1";
    static final String HEALTH = "PS/GOV/MOH/health-records";
    static final String LABOUR = "PS/GOV/MOL/labour-registry";
    static final String PERSON_BY_ID = "PS/GOV/MOI/civil-registry/person-by-id/v1";

    final AuditLog log;
    final int port;
    private final CamelContext camel;

    AuditorPagesNode(Path dir) throws Exception {
        Catalogue catalogue = new CatalogueSource(List.of(TestNodes.catalogue(dir)), List.of(TestNodes.agreements(dir))).load();
        log = new AuditLog(AuditStores.h2(dir.resolve("audit-log")), CheckpointMaker.UNSIGNED,
                new CheckpointPolicy(1_000_000, Duration.ofHours(1)), Clock.systemUTC());
        Path users = Auditors.defaultFile(dir);
        Auditors.add(users, AUDITOR, AuditorRole.AUDITOR, AUDITOR_PASSWORD.toCharArray(), 1000);
        Auditors.add(users, DPO, AuditorRole.DATA_PROTECTION, DPO_PASSWORD.toCharArray(), 1000);
        Auditors auditors = Auditors.load(users);
        Exporter exporter = new Exporter(log, ORIGIN, List.of(), List.of());
        port = TestNodes.freePort();
        VertxPlatformHttpServerConfiguration config = new VertxPlatformHttpServerConfiguration();
        config.setBindHost("127.0.0.1");
        config.setBindPort(port);
        camel = new DefaultCamelContext();
        camel.addService(new VertxPlatformHttpServer(config));
        camel.addRoutes(new AuditorRoutes(AuditorAccess.of(log, exporter, ORIGIN, auditors::authenticate), () -> catalogue));
        camel.start();
    }

    /** The page's address with the user's credentials in it, as a browser takes them for a top-level page. */
    String url(String user, String password, String path) {
        return "http://" + user + ":" + password + "@127.0.0.1:" + port + path;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    long append(AuditRecord record) {
        return log.append(record).join();
    }

    static AuditRecord exchange(Instant at, String messageId, String client, String subject, String purpose, int status,
                                String errorCode, String hop) {
        return new AuditRecord(AuditRecord.Kind.EXCHANGE, at, ORIGIN, messageId, messageId, client, PERSON_BY_ID,
                "officer-17", purpose, null, subject, at.minusMillis(30), errorCode == null ? at.minusMillis(20) : null, at,
                0, errorCode == null ? 512 : 0, status, errorCode, null, null, null, null, null, Map.of("hop", hop));
    }

    @Override
    public void close() throws Exception {
        camel.close();
        log.close();
    }
}
