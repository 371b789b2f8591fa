package ps.takamul.audit.store;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import org.h2.api.Trigger;

/**
 * The append-only rules of {@link AppendOnly} for H2, which runs triggers as Java classes in the
 * node's own JVM. One instance per table; it learns which row event fired from which rows it is
 * given (no new row: a delete; no old row: an insert).
 */
public final class H2AppendOnly implements Trigger {
    private String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        table = tableName.toLowerCase(Locale.ROOT);
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow == null) {
            segmentFollows(conn, newRow);
            return;
        }
        if (newRow == null && deletableArchived(conn, oldRow)) {
            return;
        }
        if (newRow != null && table.equals("audit_body") && bodyMovesUp(oldRow, newRow)) {
            return;
        }
        throw new SQLException(AppendOnly.refusal(newRow == null ? "DELETE" : "UPDATE", table), "P0001");
    }

    private boolean deletableArchived(Connection conn, Object[] oldRow) throws SQLException {
        if (!table.equals("audit_record") && !table.equals("audit_body")) {
            return false;
        }
        if (!archiving(conn)) {
            return false;
        }
        long seq = ((Number) oldRow[table.equals("audit_record") ? 0 : 1]).longValue();
        if (seq >= sealedEnd(conn)) {
            return false;
        }
        if (table.equals("audit_body")) {
            return true;
        }
        try (PreparedStatement s = conn.prepareStatement("SELECT 1 FROM audit_leaf WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean archiving(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + AppendOnly.ARCHIVING_VARIABLE)) {
            return rs.next() && Boolean.TRUE.equals(rs.getObject(1));
        }
    }

    private static long sealedEnd(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(to_seq), 0) FROM audit_segment")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Columns of audit_body: digest, seq, content. */
    private static boolean bodyMovesUp(Object[] oldRow, Object[] newRow) throws SQLException {
        return oldRow[0].equals(newRow[0])
                && ((Number) newRow[1]).longValue() >= ((Number) oldRow[1]).longValue()
                && Arrays.equals(bytes(oldRow[2]), bytes(newRow[2]));
    }

    private static byte[] bytes(Object value) throws SQLException {
        if (value instanceof byte[] b) {
            return b;
        }
        Blob blob = (Blob) value;
        try (InputStream in = blob.getBinaryStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new SQLException("could not read a kept body", e);
        }
    }

    /** Columns of audit_segment: from_seq, to_seq, ... */
    private void segmentFollows(Connection conn, Object[] newRow) throws SQLException {
        if (!table.equals("audit_segment")) {
            return;
        }
        long last = sealedEnd(conn);
        long from = ((Number) newRow[0]).longValue();
        long to = ((Number) newRow[1]).longValue();
        if (from != last || to <= from) {
            throw new SQLException("an archive segment starts where the last one ended (" + last + "), not ["
                    + from + ", " + to + ")", "P0001");
        }
    }
}
