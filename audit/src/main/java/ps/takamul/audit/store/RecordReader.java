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
        RecordSearch search = new RecordSearch(query, dialect);
        if (dialect.timeBySequence() && (query.from() != null || query.to() != null)) {
            try (Connection c = source.open()) {
                search = new RecordSearch(query, dialect, firstAtOrAfter(c, query.from()), firstAtOrAfter(c, query.to()));
            } catch (SQLException e) {
                throw unavailable(e);
            }
        }
        List<StoredRecord> rows = query(search.sql, search.parameters);
        if (rows.size() <= query.limit()) {
            return new AuditPage(rows, null);
        }
        List<StoredRecord> page = rows.subList(0, query.limit());
        return new AuditPage(page, page.get(page.size() - 1).sequence());
    }

    /**
     * The number of the first record appended at or after {@code time} (one past the last if none
     * is), or null for no time. A binary search on the primary key: {@code appended_at} never
     * decreases along {@code seq} ({@link SqlDialect#timeBySequence()}). About 20 lookups for a
     * million records.
     */
    static Long firstAtOrAfter(Connection c, java.time.Instant time) throws SQLException {
        if (time == null) {
            return null;
        }
        long low;
        long high;
        try (PreparedStatement s = c.prepareStatement("SELECT MIN(seq), MAX(seq) FROM audit_record");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            if (rs.getObject(1) == null) {
                return 0L;
            }
            low = rs.getLong(1);
            high = rs.getLong(2) + 1; // the answer is in [low, high]
        }
        OffsetDateTime wanted = RecordWriter.utc(time);
        try (PreparedStatement s = c.prepareStatement(
                "SELECT seq, appended_at FROM audit_record WHERE seq >= ? ORDER BY seq LIMIT 1")) {
            while (low < high) {
                long mid = (low + high) >>> 1;
                s.setLong(1, mid);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        high = mid;
                    } else if (!rs.getObject(2, OffsetDateTime.class).isBefore(wanted)) {
                        high = mid;
                    } else {
                        low = rs.getLong(1) + 1;
                    }
                }
            }
        }
        return low;
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
        try (Connection c = source.open(); PreparedStatement s = c.prepareStatement(sql)) {
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
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    static AuditUnavailableException unavailable(SQLException e) {
        return new AuditUnavailableException("the audit log's database is unavailable", e);
    }
}
