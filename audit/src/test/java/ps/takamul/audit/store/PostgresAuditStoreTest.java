package ps.takamul.audit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ps.takamul.audit.merkle.MerkleTree;
import ps.takamul.audit.record.AuditRecord;

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

    /**
     * Production's node user may read and write rows, nothing more: once the owner has made the
     * schema, the store opens without creating anything, and the database refuses the rest.
     */
    @Test
    void aNodeUserThatMayOnlyReadAndWriteRowsRunsTheLog() throws SQLException {
        String role = "audit_node_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN");
            s.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + role);
            s.execute("GRANT SELECT, INSERT ON " + schema + ".audit_record, " + schema + ".audit_body, " + schema
                    + ".audit_checkpoint, " + schema + ".audit_leaf, " + schema + ".audit_segment TO " + role);
            s.execute("GRANT UPDATE (seq) ON " + schema + ".audit_body TO " + role);
        }
        try {
            JdbcAuditStore asNode = new JdbcAuditStore(() -> DriverManager.getConnection(
                    URL + "?currentSchema=" + schema, role, ""), SqlDialect.POSTGRESQL, GroupCommitSettings.DEFAULT);
            try {
                byte[] body = "{\"الاسم\":\"محمد\"}".getBytes(StandardCharsets.UTF_8);
                AuditRecord first = withBodies(1, body, body);
                assertThat(asNode.append(first, bodiesOf(body)).join()).isZero();
                assertThat(asNode.append(withBodies(2, body, body), bodiesOf(body)).join()).isEqualTo(1);
                assertThat(asNode.search(AuditQuery.all().dataSubject(first.dataSubject())).records()).hasSize(1);
                assertThat(asNode.body(first.requestDigest())).get().isEqualTo(body);
                asNode.saveCheckpoint(new Checkpoint(2, new MerkleTree(asNode.leaves()).root(2), Instant.now(), null, null));
                try (Connection c = DriverManager.getConnection(URL + "?currentSchema=" + schema, role, "");
                     Statement s = c.createStatement()) {
                    assertThatThrownBy(() -> s.execute("UPDATE audit_record SET status = 500"))
                            .hasMessageContaining("permission denied");
                    assertThatThrownBy(() -> s.execute("DROP TRIGGER audit_record_append_only ON audit_record"))
                            .hasMessageContaining("must be owner");
                }
            } finally {
                asNode.close();
            }
        } finally {
            try (Connection c = admin(); Statement s = c.createStatement()) {
                s.execute("DROP OWNED BY " + role);
                s.execute("DROP ROLE " + role);
            }
        }
    }

    /** A schema missing an index is not current: the next start as the owner makes it again. */
    @Test
    void aDroppedIndexComesBackAtTheNextStart() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP INDEX audit_record_subject");
        }
        openStore();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() "
                     + "AND indexname = 'audit_record_subject'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
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
