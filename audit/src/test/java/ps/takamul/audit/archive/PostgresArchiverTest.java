package ps.takamul.audit.archive;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import ps.takamul.audit.store.AuditStore;
import ps.takamul.audit.store.AuditStores;
import ps.takamul.audit.store.GroupCommitSettings;

/** The archive step on PostgreSQL at 127.0.0.1:5432 (database test), in a schema of its own. */
class PostgresArchiverTest extends ArchiverContract {
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private final String schema = "audit_archive_" + UUID.randomUUID().toString().replace("-", "");

    @Override
    AuditStore openStore() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("currentSchema", schema);
        return AuditStores.postgres(URL, p, GroupCommitSettings.DEFAULT);
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(URL + "?currentSchema=" + schema, "postgres", "");
    }

    @Override
    void dropDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
