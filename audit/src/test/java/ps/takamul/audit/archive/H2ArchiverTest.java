package ps.takamul.audit.archive;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import ps.takamul.audit.store.AuditStore;
import ps.takamul.audit.store.AuditStores;

/** The archive step on the embedded H2 store, a new file per test. */
class H2ArchiverTest extends ArchiverContract {
    @Override
    AuditStore openStore() {
        return AuditStores.h2(dir.resolve("log"));
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("log").toAbsolutePath(), "sa", "");
    }

    @Override
    void dropDatabase() {
        // The temporary directory goes with the test.
    }
}
