package ps.takamul.node.reload;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the catalogue when its folders change. A change is acted on once the folders have been
 * quiet for the debounce time, so an editor's several writes make one reload; a periodic check of
 * the files' digests catches what the WatchService misses (network and some container
 * filesystems deliver no events).
 */
final class CatalogueWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("takamul.catalogue");
    private static final String ACTOR = "node";

    private final CatalogueReloader reloader;
    private final WatchService watch;
    private final long debounceMillis;
    private final long intervalMillis;
    private final Thread thread;

    private CatalogueWatcher(CatalogueReloader reloader, WatchService watch, Duration debounce, Duration interval) {
        this.reloader = reloader;
        this.watch = watch;
        this.debounceMillis = debounce.toMillis();
        this.intervalMillis = interval.toMillis();
        this.thread = new Thread(this::run, "takamul-catalogue-watcher");
        thread.setDaemon(true);
    }

    static CatalogueWatcher start(CatalogueReloader reloader, List<Path> folders, Duration debounce, Duration interval)
            throws IOException {
        WatchService watch = FileSystems.getDefault().newWatchService();
        try {
            for (Path folder : folders) {
                folder.register(watch, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
            }
        } catch (IOException | RuntimeException e) {
            watch.close();
            throw e;
        }
        CatalogueWatcher watcher = new CatalogueWatcher(reloader, watch, debounce, interval);
        watcher.thread.start();
        return watcher;
    }

    private void run() {
        // Catches an edit made while the node was starting, before the folders were watched.
        check();
        long nextCheck = now() + intervalMillis;
        long quietAt = -1;
        try {
            while (true) {
                long waitUntil = quietAt >= 0 ? quietAt : nextCheck;
                WatchKey key = watch.poll(Math.max(1, waitUntil - now()), TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    if (!key.reset()) {
                        LOG.warn("{} can no longer be watched; the periodic check every {} ms still runs", key.watchable(),
                                intervalMillis);
                    }
                    quietAt = now() + debounceMillis;
                } else if (now() >= waitUntil) {
                    check();
                    quietAt = -1;
                    nextCheck = now() + intervalMillis;
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed with the node
        }
    }

    private void check() {
        try {
            reloader.reloadIfFilesChanged(ACTOR);
        } catch (RuntimeException e) {
            // The watcher must outlive one failed attempt; the next change or check tries again.
            LOG.error("Catalogue reload failed: {}", e.getMessage(), e);
        }
    }

    private static long now() {
        return System.nanoTime() / 1_000_000;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        // Closing the watch service ends the wait; a reload under way is let finish rather than cut short.
        watch.close();
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }
}
