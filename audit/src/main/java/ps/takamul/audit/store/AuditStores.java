package ps.takamul.audit.store;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Properties;

/** The two stores the node ships: PostgreSQL for production, an embedded H2 file for one node and the demo. */
public final class AuditStores {
    private AuditStores() {
    }

    /**
     * The log in a PostgreSQL database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/takamul}; the
     * properties carry the user, password and any driver setting ({@code currentSchema}, timeouts).
     */
    public static JdbcAuditStore postgres(String url, Properties properties, GroupCommitSettings settings) {
        Properties copy = new Properties();
        copy.putAll(properties);
        copy.putIfAbsent("connectTimeout", "5");
        copy.putIfAbsent("ApplicationName", "takamul-audit");
        return new JdbcAuditStore(() -> DriverManager.getConnection(url, copy), SqlDialect.POSTGRESQL, settings);
    }

    /**
     * The log in an H2 database file ({@code file} without H2's {@code .mv.db} suffix), with its
     * journal in the directory {@code file.journal} beside it: appends are durable in the journal
     * and reach H2 in larger batches (see {@link AuditJournal}). WRITE_DELAY=0 turns off MVStore's
     * delayed auto-commit (by default a commit reaches the file up to 500 ms later);
     * {@link SqlDialect#H2} then forces the file to disk after each batch, before the journal
     * forgets it. DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook would otherwise close the
     * database while the node's is still writing the journal's last records into it (they would
     * wait in the journal for the next start, and the closing checkpoint would fail); the store
     * closes it when it closes. H2's default cache (16 MiB): the postings touch a few pages per batch,
     * and a larger cache only kept more record pages alive for the garbage collector to copy
     * (docs/audit-bench.md).
     */
    public static JdbcAuditStore h2(Path file) {
        return h2(file, AuditJournal.DEFAULT_SYNC_INTERVAL);
    }

    /** As {@link #h2(Path)}, the journal syncing at most once per {@code syncInterval} (0.1 ms to 1 s). */
    public static JdbcAuditStore h2(Path file, Duration syncInterval) {
        String url = "jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        return new JdbcAuditStore(() -> DriverManager.getConnection(url, "sa", ""), SqlDialect.H2, journalOf(file),
                syncInterval);
    }

    /** Where {@link #h2} keeps the journal of the log in {@code file}. */
    public static Path journalOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".journal");
    }
}
