package ps.takamul.audit.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
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

        @Override
        List<String> keyColumns() {
            return List.of();
        }

        @Override
        List<String> keyIndexes() {
            // PostgreSQL updates a B-tree page in place and logs the change, so a random key costs
            // an insert into one page wherever it lands.
            return List.of("audit_record_subject ON audit_record (data_subject, seq)",
                    "audit_record_message ON audit_record (message_id)",
                    "audit_record_client ON audit_record (client, appended_at)",
                    "audit_record_service ON audit_record (service, appended_at)",
                    "audit_record_user ON audit_record (user_id)",
                    "audit_record_time ON audit_record (appended_at)");
        }

        @Override
        String keyCondition(Connection connection, String column, String value, List<Object> parameters) {
            parameters.add(value);
            return column + " = ?";
        }

        @Override
        String timeCondition(Connection connection, Instant from, Instant to) {
            return null; // audit_record_time answers the time bounds themselves
        }

        @Override
        void writeKeys(Connection connection, List<Pending> batch, long first, Instant fallback) {
            // The B-tree indexes above are kept by PostgreSQL itself.
        }

        @Override
        void catchUpKeys(Connection connection) {
        }

        @Override
        void pruneKeys(Connection connection, long end) {
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

        /*
         * H2's MVStore copies every B-tree page an insert touches, logs the insert for undo and
         * visits it again at commit: each secondary index cost more per record than the row itself,
         * and those on random keys (message ids are UUIDs, national IDs random) most of what the
         * audit added to an exchange. Every searched field is found through postings instead, a few
         * rows per block of records (KeyPostings).
         */
        @Override
        List<String> keyColumns() {
            List<String> ddl = new ArrayList<>();
            // What earlier versions indexed the keys with, if this file has it.
            for (String column : List.of("message_id", "data_subject")) {
                ddl.add("DROP INDEX IF EXISTS audit_record_" + (column.equals("message_id") ? "message" : "subject")
                        + "_bucket");
                ddl.add("ALTER TABLE audit_record DROP COLUMN IF EXISTS " + column + "_bucket");
            }
            ddl.add("DROP INDEX IF EXISTS audit_record_subject");
            ddl.add("DROP INDEX IF EXISTS audit_record_message");
            ddl.add(KeyPostings.TABLE);
            // A file from the version that indexed client, service, user and time in B-trees has
            // postings for message id and data subject only: they are built again, for every field,
            // by catchUpKeys once the indexes are gone.
            ddl.add("DELETE FROM audit_posting WHERE EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.INDEXES "
                    + "WHERE INDEX_NAME = 'AUDIT_RECORD_USER')");
            for (String index : List.of("client", "service", "user", "time")) {
                ddl.add("DROP INDEX IF EXISTS audit_record_" + index);
            }
            return ddl;
        }

        @Override
        List<String> keyIndexes() {
            return List.of();
        }

        @Override
        String keyCondition(Connection connection, String column, String value, List<Object> parameters)
                throws SQLException {
            return KeyPostings.condition(connection, column, value, parameters);
        }

        @Override
        String timeCondition(Connection connection, Instant from, Instant to) throws SQLException {
            return KeyPostings.timeCondition(connection, from, to);
        }

        @Override
        void writeKeys(Connection connection, List<Pending> batch, long first, Instant fallback) throws SQLException {
            long fallbackMicros = KeyPostings.micros(fallback);
            KeyPostings.write(connection, batch, first, p -> {
                SearchColumns r = p.columns();
                return new String[] {r.messageId(), r.dataSubject(), r.userId(), r.client(), r.service()};
            }, p -> p.appendedAt() == null ? fallbackMicros : KeyPostings.micros(p.appendedAt()));
        }

        @Override
        void catchUpKeys(Connection connection) throws SQLException {
            KeyPostings.catchUp(connection);
        }

        @Override
        void pruneKeys(Connection connection, long end) throws SQLException {
            KeyPostings.prune(connection, end);
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

    /** What the key indexes need beyond the table's own columns (and what replaces older indexes). */
    abstract List<String> keyColumns();

    /** The indexes on the searched fields of {@code audit_record}, each as {@code name ON table (columns)}. */
    abstract List<String> keyIndexes();

    /**
     * The condition that finds the records whose {@code column} (message id, data subject, user,
     * client or service) holds {@code value}, its parameters added to {@code parameters}; it may
     * read the database first.
     */
    abstract String keyCondition(Connection connection, String column, String value, List<Object> parameters)
            throws SQLException;

    /**
     * A condition that narrows a search for records appended in [{@code from}, {@code to}) before
     * the times themselves are compared, or null where the time index does that alone.
     */
    abstract String timeCondition(Connection connection, Instant from, Instant to) throws SQLException;

    /**
     * Indexes the searched fields of records {@code first...}, in the writer's transaction, where
     * the database does not; {@code fallback} is the time of records that carry none.
     */
    abstract void writeKeys(Connection connection, List<Pending> batch, long first, Instant fallback) throws SQLException;

    /** At start-up: indexes the keys of records written before {@link #writeKeys} did. */
    abstract void catchUpKeys(Connection connection) throws SQLException;

    /** In the archive step: drops what {@link #writeKeys} wrote for the records below {@code end}. */
    abstract void pruneKeys(Connection connection, long end) throws SQLException;

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
