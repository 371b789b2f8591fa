package ps.takamul.node.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.audit.store.AuditQuery;
import ps.takamul.audit.store.StoredRecord;
import ps.takamul.node.TakamulNode;
import ps.takamul.node.support.Http;
import ps.takamul.node.support.TestNodes;
import ps.takamul.node.support.TestProvider;

/**
 * The node on a real PostgreSQL audit database (127.0.0.1:5432, trust auth) that goes away: the
 * database stops taking connections and its sessions are ended, as in a failover or an outage.
 * The node must refuse rather than serve unaudited, and serve again once the database is back,
 * without a restart and without a gap in the log.
 */
class AuditOutageTest {
    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String ECHO = "/PS/GOV/TEST/provider/echo/v1/x";
    private static final String MOH = "PS/GOV/MOH/health-records";

    @TempDir
    Path dir;
    private final String database = "takamul_audit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private TestProvider provider;
    private TakamulNode node;

    @BeforeEach
    void start() throws Exception {
        admin("CREATE DATABASE " + database);
        provider = new TestProvider();
        Map<String, String> settings = TestNodes.settings(dir, TestNodes.catalogue(dir), provider.url(),
                provider.url(), provider.url());
        settings.put("takamul.audit.store", "postgresql");
        settings.put("takamul.audit.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/" + database);
        settings.put("takamul.audit.jdbc.user", "postgres");
        node = TestNodes.start(settings);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (node != null) {
                node.close();
            }
            provider.close();
        } finally {
            admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void withTheDatabaseDownExchangesAreRefusedAndWithItBackTheyAreServedAndAudited() throws Exception {
        assertThat(get("before").statusCode()).isEqualTo(200);
        provider.nextEcho();

        takeDatabaseDown();
        // The first exchange after the outage reaches the provider, but its record cannot be
        // written: its answer is withheld.
        HttpResponse<byte[]> withheld = get("during-1");
        assertThat(withheld.statusCode()).isEqualTo(503);
        assertThat(withheld.headers().firstValue("X-Road-Error")).contains("Server.AuditUnavailable");
        assertThat(Http.text(withheld)).contains("its answer is withheld");
        provider.nextEcho();
        // From then on the node refuses at the door: nothing goes to the provider.
        HttpResponse<byte[]> refused = get("during-2");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(Http.text(refused)).contains("Server.AuditUnavailable").contains("cannot record exchanges now");
        assertThat(provider.echoesEmpty()).isTrue();

        bringDatabaseBack();
        int status = 0;
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (status != 200 && System.nanoTime() < deadline) {
            status = get("after-" + UUID.randomUUID()).statusCode();
        }
        assertThat(status).as("served again once the database is back").isEqualTo(200);

        long size = node.audit().log().size();
        assertThat(node.audit().log().store().read(0, size)).hasSize((int) size)
                .extracting(StoredRecord::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(node.audit().log().store().search(AuditQuery.all().messageId("before")).records()).hasSize(1);
        assertThat(node.audit().log().store().search(AuditQuery.all().messageId("during-1")).records()).isEmpty();
    }

    private HttpResponse<byte[]> get(String messageId) throws Exception {
        return Http.send(Http.get(node.restBaseUrl() + ECHO, MOH).header("X-Road-Id", messageId));
    }

    private void takeDatabaseDown() throws SQLException {
        admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
    }

    private void bringDatabaseBack() throws SQLException {
        admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
