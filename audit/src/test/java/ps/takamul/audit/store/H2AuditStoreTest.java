package ps.takamul.audit.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the embedded H2 file store, a new file for each test. */
class H2AuditStoreTest extends AuditStoreContract {
    @TempDir
    Path dir;

    @Override
    void createDatabase() {
        // H2 creates the file on the first connection.
    }

    @Override
    void dropDatabase() {
        // The temporary directory goes with the test.
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("audit").toAbsolutePath() + ";WRITE_DELAY=0", "sa", "");
    }

    @Override
    SqlDialect dialect() {
        return SqlDialect.H2;
    }

    /** SHUTDOWN closes the database under every open session, as a crash of a server would. */
    @Override
    void killConnections() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("audit").toAbsolutePath(), "sa", "");
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    @Override
    String truncate(String table) {
        return "TRUNCATE TABLE " + table;
    }

    /** H2 has no TRUNCATE trigger; a foreign key from the guard table makes it refuse (AppendOnly.h2). */
    @Override
    String truncateRefusal() {
        return "Cannot truncate";
    }
}
