package ps.takamul.node.reload;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ps.takamul.core.audit.AdminAction;
import ps.takamul.core.audit.AdminAudit;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.catalogue.CatalogueException;
import ps.takamul.node.config.CatalogueSource;
import ps.takamul.node.config.HostedServices;
import ps.takamul.node.config.NodeSettings;
import ps.takamul.routes.exchange.CatalogueHolder;

/**
 * Loads the catalogue again and puts it in force, or keeps the one in force when the new one is
 * invalid or cannot be applied. Either way the attempt is audited: {@code catalogue.reloaded}
 * with what changed and each file's SHA-256, or {@code catalogue.rejected} with the problems.
 * One reload at a time, whoever asks: the watcher or an operator.
 */
final class CatalogueReloader {
    static final String RELOADED = "catalogue.reloaded";
    static final String REJECTED = "catalogue.rejected";
    private static final Logger LOG = LoggerFactory.getLogger("takamul.catalogue");

    private final NodeSettings settings;
    private final CatalogueSource source;
    private final CatalogueHolder holder;
    private final HostedRoutes routes;
    private final AdminAudit audit;
    private final Clock clock;
    private final List<Path> folders;
    private final String subject;
    private SortedMap<String, String> inForce;
    /** The files as last tried, accepted or not: null until the first try, so that one always runs. */
    private SortedMap<String, String> lastTried;
    private volatile Instant loadedAt;
    private volatile String digest;
    private volatile String lastRejection = "";

    CatalogueReloader(NodeSettings settings, CatalogueHolder holder, HostedRoutes routes, AdminAudit audit, Clock clock) {
        this.settings = settings;
        this.source = new CatalogueSource(settings);
        this.holder = holder;
        this.routes = routes;
        this.audit = audit;
        this.clock = clock;
        this.folders = CatalogueFiles.folders(source);
        this.subject = folders.stream().map(Path::toString).collect(Collectors.joining(","));
        this.inForce = CatalogueFiles.digests(folders);
        this.loadedAt = clock.instant();
        this.digest = CatalogueFiles.combined(inForce);
    }

    List<Path> folders() {
        return folders;
    }

    /** Reloads unless the files are as they were at the last try (an editor's touch, a swap file). */
    synchronized void reloadIfFilesChanged(String actor) {
        if (!CatalogueFiles.digests(folders).equals(lastTried)) {
            reload(actor);
        }
    }

    /** @return what the reload did, for the operator: reloaded, unchanged or rejected, and why */
    synchronized String reload(String actor) {
        SortedMap<String, String> files = CatalogueFiles.digests(folders);
        lastTried = files;
        Catalogue next;
        try {
            next = source.load();
        } catch (CatalogueException e) {
            return reject(actor, files, e.problems());
        }
        Catalogue current = holder.get();
        CatalogueChange change = CatalogueChange.between(current, next);
        if (change.isEmpty() && files.equals(inForce)) {
            if (!lastRejection.isEmpty()) {
                LOG.info("Catalogue files are valid again and the same as those in force ({})", actor);
                lastRejection = "";
            }
            return "unchanged: the files are those in force (digest " + digest + ")";
        }
        try {
            routes.update(HostedServices.select(settings, next), () -> holder.replace(next));
        } catch (CatalogueException e) {
            return reject(actor, files, e.problems());
        } catch (RuntimeException e) {
            return reject(actor, files, List.of(String.valueOf(e.getMessage())));
        }
        inForce = files;
        loadedAt = clock.instant();
        digest = CatalogueFiles.combined(files);
        lastRejection = "";
        Map<String, String> details = new LinkedHashMap<>(change.details());
        details.put("digest", digest);
        files.forEach((file, sha) -> details.put("sha256 " + file, sha));
        audit.record(new AdminAction(loadedAt, actor, RELOADED, subject, details));
        LOG.info("Catalogue reloaded ({}): {}; digest {}", actor, change, digest);
        return "reloaded: " + change + "; digest " + digest;
    }

    private String reject(String actor, SortedMap<String, String> files, List<String> problems) {
        lastRejection = String.join("\n", problems);
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < problems.size(); i++) {
            details.put("problem." + (i + 1), problems.get(i));
        }
        files.forEach((file, sha) -> details.put("sha256 " + file, sha));
        audit.record(new AdminAction(clock.instant(), actor, REJECTED, subject, details));
        LOG.warn("Catalogue change rejected ({}); the catalogue loaded at {} keeps serving:\n  - {}", actor, loadedAt,
                String.join("\n  - ", problems));
        return "rejected, the catalogue loaded at " + loadedAt + " keeps serving:\n  - " + String.join("\n  - ", problems);
    }

    Instant loadedAt() {
        return loadedAt;
    }

    String digest() {
        return digest;
    }

    String lastRejection() {
        return lastRejection;
    }
}
