package ps.takamul.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Archive segments, and the one step that removes records from the database. It runs in one
 * transaction that the append-only guards recognise ({@link SqlDialect#beginArchiving}): the
 * segment row first, then the leaf hashes copied to {@code audit_leaf}, then the bodies and the
 * record rows deleted, which the guards allow only below a sealed segment's end and only once
 * the leaf is kept. Anything amiss rolls all of it back.
 */
final class SegmentTable {
    private final ConnectionSource readers;
    private final ConnectionSource source;
    private final SqlDialect dialect;

    /**
     * @param readers for listing segments
     * @param source  for the archive step: a connection of its own, closed after it, so the H2
     *                session variable that marks the step dies with it
     */
    SegmentTable(ConnectionSource readers, ConnectionSource source, SqlDialect dialect) {
        this.readers = readers;
        this.source = source;
        this.dialect = dialect;
    }

    List<ArchiveSegment> all() {
        try (Connection c = readers.open();
             PreparedStatement s = c.prepareStatement(
                     "SELECT from_seq, to_seq, file_name, file_sha256, sealed_at FROM audit_segment ORDER BY from_seq");
             ResultSet rs = s.executeQuery()) {
            List<ArchiveSegment> segments = new ArrayList<>();
            while (rs.next()) {
                segments.add(new ArchiveSegment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()));
            }
            return segments;
        } catch (SQLException e) {
            throw RecordReader.unavailable(e);
        }
    }

    void seal(ArchiveSegment segment) {
        try (Connection c = source.open()) {
            c.setAutoCommit(false);
            try {
                dialect.beginArchiving(c);
                check(c, segment);
                insert(c, segment);
                long kept = update(c, "INSERT INTO audit_leaf (seq, leaf_hash) SELECT seq, leaf_hash FROM audit_record "
                        + "WHERE seq >= ? AND seq < ?", segment.from(), segment.to());
                if (kept != segment.to() - segment.from()) {
                    throw new IllegalStateException("records " + segment.from() + " to " + (segment.to() - 1)
                            + " are not all in the database (" + kept + " found): nothing archived");
                }
                update(c, "DELETE FROM audit_body WHERE seq < ?", segment.to());
                update(c, "DELETE FROM audit_record WHERE seq >= ? AND seq < ?", segment.from(), segment.to());
                dialect.pruneKeys(c, segment.to());
                c.commit();
                dialect.afterCommit(c);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new AuditUnavailableException("archive " + segment + " not sealed: " + e.getMessage(), e);
        }
    }

    /** The guards check the same; this says it in the caller's words before anything is written. */
    private static void check(Connection c, ArchiveSegment segment) throws SQLException {
        long last;
        boolean checkpointed;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(to_seq), 0) FROM audit_segment")) {
            rs.next();
            last = rs.getLong(1);
        }
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM audit_checkpoint WHERE tree_size = ?")) {
            s.setLong(1, segment.to());
            try (ResultSet rs = s.executeQuery()) {
                checkpointed = rs.next();
            }
        }
        if (segment.from() != last) {
            throw new IllegalArgumentException("the next archive segment starts at record " + last + ", not " + segment.from());
        }
        if (!checkpointed) {
            throw new IllegalArgumentException("an archive segment ends at a checkpoint's tree size; no checkpoint has "
                    + segment.to());
        }
    }

    private static void insert(Connection c, ArchiveSegment segment) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_segment "
                + "(from_seq, to_seq, file_name, file_sha256, sealed_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, segment.from());
            s.setLong(2, segment.to());
            s.setString(3, segment.file());
            s.setString(4, segment.sha256());
            s.setObject(5, OffsetDateTime.ofInstant(segment.sealedAt().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
            s.executeUpdate();
        }
    }

    private static long update(Connection c, String sql, long... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setLong(i + 1, parameters[i]);
            }
            return s.executeLargeUpdate();
        }
    }
}
