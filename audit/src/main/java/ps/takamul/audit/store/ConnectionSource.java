package ps.takamul.audit.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new connection to the audit database each time it is asked. */
@FunctionalInterface
public interface ConnectionSource {
    Connection open() throws SQLException;
}
