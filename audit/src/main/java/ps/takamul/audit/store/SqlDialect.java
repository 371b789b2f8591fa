package ps.takamul.audit.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
                    "audit_record_message ON audit_record (message_id)");
        }

        @Override
        String keyCondition(String column) {
            return column + " = ?";
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
         * H2's MVStore copies every B-tree page a commit touched and writes it out whole. An index
         * on a random key (message ids are UUIDs; national IDs are random too) lands each record
         * on a page of its own, so each record cost a page written, most of the indexer's CPU. Here
         * the key is found through its bucket (a hash, in 256 buckets) followed by the sequence
         * number: each record goes at the end of its bucket, a batch fills 256 pages instead of
         * touching one per record, and a search reads one bucket, the key itself kept in the
         * index so only matches are fetched. ORA_HASH is H2's (SHA-1 based, stable).
         */
        @Override
        List<String> keyColumns() {
            List<String> ddl = new ArrayList<>();
            for (String column : KEYS) {
                ddl.add("ALTER TABLE audit_record ADD COLUMN IF NOT EXISTS " + column + "_bucket BIGINT "
                        + "GENERATED ALWAYS AS (ORA_HASH(" + column + ", " + (BUCKETS - 1) + "))");
            }
            // The plain indexes of earlier versions, if this file has them.
            ddl.add("DROP INDEX IF EXISTS audit_record_subject");
            ddl.add("DROP INDEX IF EXISTS audit_record_message");
            return ddl;
        }

        @Override
        List<String> keyIndexes() {
            return List.of("audit_record_subject_bucket ON audit_record (data_subject_bucket, seq, data_subject)",
                    "audit_record_message_bucket ON audit_record (message_id_bucket, seq, message_id)");
        }

        @Override
        String keyCondition(String column) {
            return column + "_bucket = ORA_HASH(CAST(? AS VARCHAR), " + (BUCKETS - 1) + ") AND " + column + " = ?";
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

    /** The columns searched by a random key: message id, data subject. */
    private static final List<String> KEYS = List.of("message_id", "data_subject");
    /** Buckets of H2's key indexes: fewer make appends cheaper, more make a search read less. */
    static final int BUCKETS = 256;

    /** Columns the key indexes need beyond the table's own (and what replaces older indexes). */
    abstract List<String> keyColumns();

    /** The indexes on the random keys, each as {@code name ON table (columns)}. */
    abstract List<String> keyIndexes();

    /** The condition that finds records by {@code column} = a value, the value bound at every {@code ?}. */
    abstract String keyCondition(String column);

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
