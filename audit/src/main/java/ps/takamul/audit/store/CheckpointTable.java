package ps.takamul.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Checkpoints, one row per tree size: a size is signed once. */
final class CheckpointTable {
    /** SQLSTATE of a duplicate key, the same in PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";
    private final ConnectionSource source;
    private final SqlDialect dialect;

    CheckpointTable(ConnectionSource source, SqlDialect dialect) {
        this.source = source;
        this.dialect = dialect;
    }

    void save(Checkpoint checkpoint) {
        try (Connection c = source.open()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_checkpoint "
                    + "(tree_size, root_hash, made_at, signature, timestamp_token) VALUES (?, ?, ?, ?, ?)")) {
                s.setLong(1, checkpoint.treeSize());
                s.setBytes(2, checkpoint.rootHash());
                s.setObject(3, OffsetDateTime.ofInstant(checkpoint.at().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
                s.setBytes(4, checkpoint.signature());
                s.setBytes(5, checkpoint.timestampToken());
                s.executeUpdate();
            }
            c.commit();
            dialect.afterCommit(c);
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("a checkpoint of tree size " + checkpoint.treeSize() + " exists already", e);
            }
            throw RecordReader.unavailable(e);
        }
    }

    List<Checkpoint> all() {
        try (Connection c = source.open();
             PreparedStatement s = c.prepareStatement("SELECT tree_size, root_hash, made_at, signature, timestamp_token "
                     + "FROM audit_checkpoint ORDER BY tree_size");
             ResultSet rs = s.executeQuery()) {
            List<Checkpoint> checkpoints = new ArrayList<>();
            while (rs.next()) {
                checkpoints.add(new Checkpoint(rs.getLong(1), rs.getBytes(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getBytes(4), rs.getBytes(5)));
            }
            return checkpoints;
        } catch (SQLException e) {
            throw RecordReader.unavailable(e);
        }
    }
}
