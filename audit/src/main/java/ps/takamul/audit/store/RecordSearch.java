package ps.takamul.audit.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one search: a condition per criterion set, the keyset cut on the sequence number, and
 * one row more than the page holds so the page knows whether another follows.
 */
final class RecordSearch {
    final String sql;
    final List<Object> parameters = new ArrayList<>();

    /** Built on the connection it will run on: the dialect may read its key index first. */
    RecordSearch(AuditQuery q, SqlDialect dialect, Connection connection) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        String blocks = dialect.timeCondition(connection, q.from(), q.to());
        if (blocks != null) {
            where.append(" AND ").append(blocks);
        }
        condition(where, "appended_at >= ?", time(q.from()));
        condition(where, "appended_at < ?", time(q.to()));
        condition(where, "kind = ?", q.kind() == null ? null : q.kind().name());
        key(where, dialect, connection, "message_id", q.messageId());
        key(where, dialect, connection, "client", q.client());
        key(where, dialect, connection, "service", q.service());
        key(where, dialect, connection, "user_id", q.userId());
        key(where, dialect, connection, "data_subject", q.dataSubject());
        condition(where, "status = ?", q.status());
        condition(where, "error_code = ?", q.errorCode());
        boolean newest = q.order() == AuditQuery.Order.NEWEST_FIRST;
        condition(where, newest ? "seq < ?" : "seq > ?", q.after());
        parameters.add(q.limit() + 1);
        sql = "SELECT seq, appended_at, record FROM audit_record" + where
                + " ORDER BY seq " + (newest ? "DESC" : "ASC") + " LIMIT ?";
    }

    private void condition(StringBuilder where, String clause, Object value) {
        if (value != null) {
            where.append(" AND ").append(clause);
            parameters.add(value);
        }
    }

    /** A condition on a searched field, which each dialect indexes its own way. */
    private void key(StringBuilder where, SqlDialect dialect, Connection connection, String column, String value)
            throws SQLException {
        if (value != null) {
            where.append(" AND ").append(dialect.keyCondition(connection, column, value, parameters));
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
