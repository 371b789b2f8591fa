package ps.takamul.audit.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** What differs between the databases the log runs on; the SQL itself is shared. */
public enum SqlDialect {
    POSTGRESQL("BYTEA") {
        @Override
        void prepareWriter(Connection connection) throws SQLException {
            // A server may be configured with asynchronous commit; the audit log must not be, so the
            // writer's session insists: COMMIT returns only once the WAL record is flushed.
            try (Statement s = connection.createStatement()) {
                s.execute("SET synchronous_commit TO on");
            }
        }

        @Override
        void afterCommit(Connection connection) {
            // synchronous_commit already made the commit durable.
        }
    },
    H2("VARBINARY") {
        @Override
        void prepareWriter(Connection connection) {
            // WRITE_DELAY=0 in the URL (AuditStores.h2) does the session-independent part.
        }

        @Override
        void afterCommit(Connection connection) throws SQLException {
            // With WRITE_DELAY=0 (MVStore autoCommitDelay 0) H2 writes a new store version at each
            // commit, but only to the OS: MVStore does not force the file. CHECKPOINT SYNC forces it
            // (Database.sync, FileChannel.force), once per group-committed batch.
            try (Statement s = connection.createStatement()) {
                s.execute("CHECKPOINT SYNC");
            }
        }
    };

    private final String binaryType;

    SqlDialect(String binaryType) {
        this.binaryType = binaryType;
    }

    String binaryType() {
        return binaryType;
    }

    /** Sets up the writer's connection once it is opened. */
    abstract void prepareWriter(Connection connection) throws SQLException;

    /** Makes what was just committed durable, where the commit alone does not. */
    abstract void afterCommit(Connection connection) throws SQLException;
}
