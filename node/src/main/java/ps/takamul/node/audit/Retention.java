package ps.takamul.node.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ps.takamul.audit.AuditLog;
import ps.takamul.audit.archive.Archiver;
import ps.takamul.audit.bundle.Exporter;
import ps.takamul.node.config.NodeSettings;

/**
 * Keeps the live log to {@code takamul.audit.retention}: records older than that are sealed into
 * archive segments under {@code takamul.audit.archive.dir} and leave the database. The segments
 * and the live log still verify as one chain ({@code takamul audit verify} given them all).
 * Empty retention keeps everything in the database.
 */
final class Retention implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final ScheduledExecutorService scheduler;

    private Retention(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    static Retention start(NodeSettings settings, AuditLog log, Exporter exporter, Path auditDir) {
        if (settings.get("takamul.audit.retention").isEmpty()) {
            return null;
        }
        Duration keep = settings.getDuration("takamul.audit.retention");
        Path folder = settings.get("takamul.audit.archive.dir").isEmpty()
                ? auditDir.resolve("archive") : settings.getPath("takamul.audit.archive.dir");
        Archiver archiver = new Archiver(log, exporter, folder);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "takamul-audit-retention");
            t.setDaemon(true);
            return t;
        });
        long every = settings.getDuration("takamul.audit.archive.interval").toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                archiver.archive(Instant.now().minus(keep)).ifPresent(segment ->
                        LOG.info("audit records sealed into archive segment {}", archiver.file(segment)));
            } catch (RuntimeException e) {
                LOG.warn("audit archiving did not run: {}", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return new Retention(scheduler);
    }

    @Override
    public void close() {
        // Not shutdownNow: an archive step interrupted mid-write could break the embedded store's file.
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
