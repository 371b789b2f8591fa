package ps.takamul.audit.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** What differs between the databases the log runs on; the SQL itself is shared. */
public enum SqlDialect {
    POSTGRESQL("BYTEA", "BYTEA") {
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

        @Override
        List<String> guards() {
            return AppendOnly.postgres();
        }

        @Override
        boolean schemaCurrent(Connection connection) throws SQLException {
            return AppendOnly.postgresCurrent(connection);
        }

        @Override
        void beginArchiving(Connection connection) throws SQLException {
            // SET LOCAL: the setting ends with the transaction, committed or not.
            try (Statement s = connection.createStatement()) {
                s.execute("SET synchronous_commit TO on");
                s.execute("SET LOCAL " + AppendOnly.ARCHIVING_SETTING + " = 'on'");
            }
        }
    },
    H2("VARBINARY", "BLOB") {
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

        @Override
        List<String> guards() {
            return AppendOnly.h2();
        }

        @Override
        boolean schemaCurrent(Connection connection) {
            // Embedded: the node owns the file, and IF NOT EXISTS makes creating cheap.
            return false;
        }

        @Override
        void beginArchiving(Connection connection) throws SQLException {
            // A session variable outlives the transaction: the archive step's connection is its
            // own and is closed right after.
            try (Statement s = connection.createStatement()) {
                s.execute("SET " + AppendOnly.ARCHIVING_VARIABLE + " = TRUE");
            }
        }
    };

    private final String binaryType;
    private final String largeBinaryType;

    SqlDialect(String binaryType, String largeBinaryType) {
        this.binaryType = binaryType;
        this.largeBinaryType = largeBinaryType;
    }

    String binaryType() {
        return binaryType;
    }

    /** For kept bodies, which may be megabytes (H2's VARBINARY stops at 1 MB). */
    String largeBinaryType() {
        return largeBinaryType;
    }

    /** Sets up the writer's connection once it is opened. */
    abstract void prepareWriter(Connection connection) throws SQLException;

    /** Makes what was just committed durable, where the commit alone does not. */
    abstract void afterCommit(Connection connection) throws SQLException;

    /** The triggers (and whatever else) that refuse updates and deletes, created idempotently. */
    abstract List<String> guards();

    /** Whether the tables and guards are there as this version makes them: then nothing is created. */
    abstract boolean schemaCurrent(Connection connection) throws SQLException;

    /** Marks the transaction just begun on this connection as the archive step's. */
    abstract void beginArchiving(Connection connection) throws SQLException;
}
