package ps.takamul.audit.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The log's tables, created on first use, and the guards that keep them append-only. A record row
 * repeats a few of the record's fields for searching, and keeps its leaf hash so the tree never
 * re-reads whole records; the canonical bytes in {@code record} are what counts.
 *
 * <ul>
 *   <li>{@code audit_record}: the live records.</li>
 *   <li>{@code audit_leaf}: the leaf hashes of archived records, moved here when their rows leave,
 *       so roots and proofs over the whole log stay computable.</li>
 *   <li>{@code audit_body}: bodies kept by policy, under their digest, beside the record that
 *       names them last; not part of the leaf, so they may go at the end of their retention.</li>
 *   <li>{@code audit_checkpoint}: signed tree heads.</li>
 *   <li>{@code audit_segment}: archive segments sealed so far, each ending at a checkpoint.</li>
 * </ul>
 */
final class AuditSchema {
    /**
     * Name first: {@link #indexNames} reads it from there. The indexes on the searched fields of
     * {@code audit_record} are the dialect's: see {@link SqlDialect#keyIndexes()}.
     */
    private static final List<String> INDEXES = List.of("audit_body_seq ON audit_body (seq)");

    private AuditSchema() {
    }

    static List<String> indexNames(SqlDialect dialect) {
        List<String> all = new ArrayList<>(INDEXES);
        all.addAll(dialect.keyIndexes());
        return all.stream().map(index -> index.substring(0, index.indexOf(' '))).toList();
    }

    /**
     * Creates what is missing. On PostgreSQL, a schema already current is left alone, so the node
     * can run as a user without the right to create or alter anything (docs/audit-store.md).
     */
    static void create(Connection connection, SqlDialect dialect) throws SQLException {
        if (dialect.schemaCurrent(connection)) {
            return;
        }
        String bytes = dialect.binaryType();
        List<String> ddl = new ArrayList<>(List.of(
                "CREATE TABLE IF NOT EXISTS audit_record ("
                        + "seq BIGINT PRIMARY KEY, "
                        + "appended_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                        + "kind VARCHAR(16) NOT NULL, "
                        + "message_id VARCHAR, client VARCHAR, service VARCHAR, user_id VARCHAR, data_subject VARCHAR, "
                        + "status INTEGER NOT NULL, error_code VARCHAR, "
                        + "record " + bytes + " NOT NULL, "
                        + "leaf_hash " + bytes + " NOT NULL)",
                "CREATE TABLE IF NOT EXISTS audit_leaf ("
                        + "seq BIGINT PRIMARY KEY, "
                        + "leaf_hash " + bytes + " NOT NULL)",
                "CREATE TABLE IF NOT EXISTS audit_body ("
                        + "digest VARCHAR PRIMARY KEY, "
                        + "seq BIGINT NOT NULL REFERENCES audit_record (seq), "
                        + "content " + dialect.largeBinaryType() + " NOT NULL)",
                "CREATE TABLE IF NOT EXISTS audit_checkpoint ("
                        + "tree_size BIGINT PRIMARY KEY, "
                        + "root_hash " + bytes + " NOT NULL, "
                        + "made_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                        + "signature " + bytes + " NOT NULL, "
                        + "timestamp_token " + bytes + " NOT NULL)",
                "CREATE TABLE IF NOT EXISTS audit_segment ("
                        + "from_seq BIGINT PRIMARY KEY, "
                        + "to_seq BIGINT NOT NULL UNIQUE REFERENCES audit_checkpoint (tree_size), "
                        + "file_name VARCHAR NOT NULL, "
                        + "file_sha256 VARCHAR(64) NOT NULL, "
                        + "sealed_at TIMESTAMP WITH TIME ZONE NOT NULL)"));
        ddl.addAll(dialect.keyColumns());
        INDEXES.forEach(index -> ddl.add("CREATE INDEX IF NOT EXISTS " + index));
        dialect.keyIndexes().forEach(index -> ddl.add("CREATE INDEX IF NOT EXISTS " + index));
        ddl.addAll(dialect.guards());
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            for (String statement : ddl) {
                s.execute(statement);
            }
        } finally {
            connection.setAutoCommit(auto);
        }
    }
}
