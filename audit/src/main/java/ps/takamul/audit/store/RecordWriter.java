package ps.takamul.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes batches for the group commit, on its thread only: the records, then the bodies kept with
 * them, in one transaction, so a record never names a body that was not committed with it. Sequence numbers are handed out here,
 * from the table's max + 1 read once per connection: a failed batch rolls back, the connection is
 * dropped, and the next batch starts from the max again, so the numbers stay gapless whatever
 * happened to the last commit.
 */
final class RecordWriter implements GroupCommit.BatchWriter, AutoCloseable {
    private static final String INSERT = "INSERT INTO audit_record (seq, appended_at, kind, message_id, client, "
            + "service, user_id, data_subject, status, error_code, record, leaf_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final ConnectionSource source;
    private final SqlDialect dialect;
    private final Durable durable;
    private Connection connection;
    private long next = -1;

    RecordWriter(ConnectionSource source, SqlDialect dialect, Durable durable) {
        this.source = source;
        this.dialect = dialect;
        this.durable = durable;
    }

    /** Past both the live records and the archived ones, whose rows are gone but whose leaves are kept. */
    static long nextSequence(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(seq) FROM (SELECT MAX(seq) AS seq FROM audit_record "
                     + "UNION ALL SELECT MAX(seq) AS seq FROM audit_leaf) t")) {
            rs.next();
            long max = rs.getLong(1);
            return rs.wasNull() ? 0 : max + 1;
        }
    }

    @Override
    public long write(List<Pending> batch) throws SQLException {
        return write(batch, -1);
    }

    /**
     * Writes the batch as records {@code expected...} (any number when -1) and returns the first
     * record's number; refuses, writing nothing, when the table does not continue there.
     */
    long write(List<Pending> batch, long expected) throws SQLException {
        try {
            Connection c = connection();
            long first = next;
            if (expected >= 0 && first != expected) {
                // The database and the journal disagree on numbering: writing on would misplace records.
                throw new IllegalStateException("the audit database continues at record " + first
                        + " but the next record to write is " + expected);
            }
            Instant now = Instant.now();
            OffsetDateTime at = utc(now);
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                long seq = first;
                for (Pending p : batch) {
                    bind(insert, seq++, at, p);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            dialect.writeKeys(c, batch, first, now);
            BodyTable.write(c, batch, first);
            c.commit();
            dialect.afterCommit(c);
            next = first + batch.size();
            for (int i = 0; i < batch.size(); i++) {
                durable.record(first + i, batch.get(i));
            }
            return first;
        } catch (SQLException | RuntimeException e) {
            drop();
            throw e;
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection c = source.open();
            try {
                c.setAutoCommit(false);
                dialect.prepareWriter(c);
                c.commit();
                next = nextSequence(c);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            connection = c;
        }
        return connection;
    }

    private static void bind(PreparedStatement insert, long seq, OffsetDateTime at, Pending p) throws SQLException {
        SearchColumns r = p.columns();
        insert.setLong(1, seq);
        insert.setObject(2, p.appendedAt() == null ? at : utc(p.appendedAt()));
        insert.setString(3, r.kind().name());
        setText(insert, 4, r.messageId());
        setText(insert, 5, r.client());
        setText(insert, 6, r.service());
        setText(insert, 7, r.userId());
        setText(insert, 8, r.dataSubject());
        insert.setInt(9, r.status());
        setText(insert, 10, r.errorCode());
        insert.setBytes(11, p.canonical());
        insert.setBytes(12, p.leafHash());
    }

    /** Microseconds: what both databases keep of a timestamp, so a time reads back as it was written. */
    static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static void setText(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, value);
        }
    }

    /** Forgets the connection and the next number: whatever the failure left, the next batch re-reads both. */
    private void drop() {
        Connection c = connection;
        connection = null;
        next = -1;
        if (c != null) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is likely broken already; closing it discards the transaction anyway
            }
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing more to release
            }
        }
    }

    @Override
    public void close() {
        drop();
    }
}
