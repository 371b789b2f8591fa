package ps.takamul.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads records and leaf hashes back, each call on a connection of its own. An archived record's
 * row is gone, so reads skip it; its leaf hash is read from {@code audit_leaf} instead, in the
 * same statement, so a block of leaves is whole whether or not an archive step ran meanwhile.
 */
final class RecordReader {
    private final ConnectionSource source;
    private final SqlDialect dialect;

    RecordReader(ConnectionSource source, SqlDialect dialect) {
        this.source = source;
        this.dialect = dialect;
    }

    List<StoredRecord> range(long from, long to) {
        return query("SELECT seq, appended_at, record FROM audit_record WHERE seq >= ? AND seq < ? ORDER BY seq",
                List.of(from, to));
    }

    AuditPage search(AuditQuery query) {
        List<StoredRecord> rows;
        try (Connection c = source.open()) {
            RecordSearch search = new RecordSearch(query, dialect, c);
            rows = query(c, search.sql, search.parameters);
        } catch (SQLException e) {
            throw unavailable(e);
        }
        if (rows.size() <= query.limit()) {
            return new AuditPage(rows, null);
        }
        List<StoredRecord> page = rows.subList(0, query.limit());
        return new AuditPage(page, page.get(page.size() - 1).sequence());
    }

    byte[][] leafHashes(long from, int count) {
        try (Connection c = source.open();
             PreparedStatement s = c.prepareStatement(
                     "SELECT seq, leaf_hash FROM audit_leaf WHERE seq >= ? AND seq < ? "
                             + "UNION ALL SELECT seq, leaf_hash FROM audit_record WHERE seq >= ? AND seq < ? ORDER BY seq")) {
            s.setLong(1, from);
            s.setLong(2, from + count);
            s.setLong(3, from);
            s.setLong(4, from + count);
            List<byte[]> hashes = new ArrayList<>(count);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    hashes.add(rs.getBytes(2));
                }
            }
            return hashes.toArray(new byte[0][]);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private List<StoredRecord> query(String sql, List<Object> parameters) {
        try (Connection c = source.open()) {
            return query(c, sql, parameters);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static List<StoredRecord> query(Connection c, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                s.setObject(i + 1, parameters.get(i));
            }
            List<StoredRecord> records = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    records.add(new StoredRecord(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getBytes(3)));
                }
            }
            return records;
        }
    }

    static AuditUnavailableException unavailable(SQLException e) {
        return new AuditUnavailableException("the audit log's database is unavailable", e);
    }
}
