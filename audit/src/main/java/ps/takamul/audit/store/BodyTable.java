package ps.takamul.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kept bodies, one row per digest. The same body can come back (the same answer about the same
 * person, an empty request): it is stored once, and its row follows the newest record that names
 * it, so archiving older records never takes a body a newer record still needs.
 */
final class BodyTable {
    private static final String MOVE_UP = "UPDATE audit_body SET seq = ? WHERE digest = ? AND seq < ?";
    private static final String INSERT_NEW = "INSERT INTO audit_body (digest, seq, content) "
            + "SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM audit_body WHERE digest = ?)";

    private final ConnectionSource source;

    BodyTable(ConnectionSource source) {
        this.source = source;
    }

    /** Writes the batch's bodies in the writer's transaction, after the records that name them. */
    static void write(Connection c, List<Pending> batch, long first) throws SQLException {
        Map<String, Body> newest = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            long seq = first + i;
            batch.get(i).bodies().forEach((digest, content) -> newest.put(digest, new Body(seq, content)));
        }
        if (newest.isEmpty()) {
            return;
        }
        try (PreparedStatement moveUp = c.prepareStatement(MOVE_UP)) {
            for (Map.Entry<String, Body> e : newest.entrySet()) {
                moveUp.setLong(1, e.getValue().seq());
                moveUp.setString(2, e.getKey());
                moveUp.setLong(3, e.getValue().seq());
                moveUp.addBatch();
            }
            moveUp.executeBatch();
        }
        try (PreparedStatement insert = c.prepareStatement(INSERT_NEW)) {
            for (Map.Entry<String, Body> e : newest.entrySet()) {
                insert.setString(1, e.getKey());
                insert.setLong(2, e.getValue().seq());
                insert.setBytes(3, e.getValue().content());
                insert.setString(4, e.getKey());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    Optional<byte[]> read(String digest) {
        try (Connection c = source.open();
             PreparedStatement s = c.prepareStatement("SELECT content FROM audit_body WHERE digest = ?")) {
            s.setString(1, digest);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw RecordReader.unavailable(e);
        }
    }

    private record Body(long seq, byte[] content) {
    }
}
