package ps.takamul.audit.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The contract on PostgreSQL at 127.0.0.1:5432 (trust auth, user postgres, database test), each
 * test in a schema of its own, dropped after it.
 */
class PostgresAuditStoreTest extends AuditStoreContract {
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private final String schema = "audit_test_" + UUID.randomUUID().toString().replace("-", "");

    @Override
    void createDatabase() throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
    }

    @Override
    void dropDatabase() throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(URL + "?currentSchema=" + schema + "&ApplicationName=" + schema, "postgres", "");
    }

    @Override
    SqlDialect dialect() {
        return SqlDialect.POSTGRESQL;
    }

    @Override
    void killConnections() throws SQLException {
        try (Connection c = admin(); PreparedStatement s = c.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
            s.setString(1, schema);
            s.executeQuery().close();
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(URL, "postgres", "");
    }

    /** CASCADE: a plain TRUNCATE of audit_record stops at audit_body's foreign key before the trigger. */
    @Override
    String truncate(String table) {
        return "TRUNCATE TABLE " + table + " CASCADE";
    }

    @Override
    String truncateRefusal() {
        return "the audit log is append-only";
    }
}
