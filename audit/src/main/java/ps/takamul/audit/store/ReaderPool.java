package ps.takamul.audit.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A few idle connections kept for reads (searches, leaf blocks, bodies, segment and checkpoint
 * lists), which would otherwise open a connection each: on PostgreSQL that costs a new server
 * process, some milliseconds, where the read itself takes a tenth of one. A connection is checked
 * with {@link Connection#isValid} before it is lent, so one a database restart broke is dropped
 * and a new one opened; closing a lent connection gives it back. Writes and the archive step keep
 * connections of their own: a kept connection never carries their session settings.
 */
final class ReaderPool implements ConnectionSource, AutoCloseable {
    private static final int VALID_SECONDS = 2;

    private final ConnectionSource source;
    private final int idleMax;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    ReaderPool(ConnectionSource source, int idleMax) {
        this.source = source;
        this.idleMax = idleMax;
    }

    @Override
    public Connection open() throws SQLException {
        for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            if (valid(c)) {
                return lent(c);
            }
            quietlyClose(c);
        }
        return lent(source.open());
    }

    private static boolean valid(Connection c) {
        try {
            return c.isValid(VALID_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private Connection lent(Connection real) {
        AtomicBoolean returned = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            if (returned.compareAndSet(false, true)) {
                                giveBack(real);
                            }
                            return null;
                        case "isClosed":
                            return returned.get() || real.isClosed();
                        default:
                            if (returned.get()) {
                                throw new SQLException("this connection was given back to the audit store's pool", "08003");
                            }
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }

    private void giveBack(Connection real) {
        try {
            if (closed || real.isClosed() || idle.size() >= idleMax) {
                real.close();
                return;
            }
            if (!real.getAutoCommit()) {
                real.rollback();
                real.setAutoCommit(true);
            }
            idle.addFirst(real);
            if (closed && idle.remove(real)) {
                real.close();
            }
        } catch (SQLException e) {
            quietlyClose(real);
        }
    }

    private static void quietlyClose(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // a broken connection has nothing left to release
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            quietlyClose(c);
        }
    }
}
