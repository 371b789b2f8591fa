package ps.takamul.security.replay;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The message ids seen within the replay window, kept in memory and in an append-only journal so
 * a restart does not reopen the window. Each line is {@code <expiry epoch ms> <key>}; at start
 * the journal is read, expired lines are dropped and it is rewritten compacted.
 *
 * <p>An id needs keeping only until a message carrying it would be refused as stale anyway
 * (signature time plus the allowed skew), so the store stays the size of a few minutes of
 * traffic. Lines are written through to the operating system before {@link #firstSeen} returns:
 * they survive the node's process dying, not a power cut (the window is minutes; see
 * docs/security.md). Java's own idempotent repositories bound entries by count, not by time,
 * which cannot guarantee the window under a burst, hence this class.
 */
public final class SeenMessageIds implements AutoCloseable {
    /** Rewrite the journal when it holds this many more lines than live ids. */
    private static final int COMPACT_SLACK = 1_000_000;
    private static final int SWEEP_EVERY = 10_000;

    private final Path journal;
    private final Clock clock;
    private final Map<String, Long> expiries = new ConcurrentHashMap<>();
    private BufferedWriter writer;
    private long linesWritten;
    private long addsSinceSweep;

    public SeenMessageIds(Path journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
        try {
            Files.createDirectories(journal.toAbsolutePath().getParent());
            load();
            compact();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the replay journal " + journal + ": " + e.getMessage(), e);
        }
    }

    public SeenMessageIds(Path journal) {
        this(journal, Clock.systemUTC());
    }

    /**
     * Records {@code key} until {@code keepUntil}; false when it was already recorded and its
     * time has not run out, i.e. the message is a replay.
     */
    public boolean firstSeen(String key, Instant keepUntil) {
        if (key.indexOf('\n') >= 0 || key.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("key holds a line break");
        }
        long now = clock.millis();
        long until = keepUntil.toEpochMilli();
        boolean[] fresh = {false};
        expiries.compute(key, (k, existing) -> {
            if (existing != null && existing > now) {
                return existing;
            }
            fresh[0] = true;
            return until;
        });
        if (!fresh[0]) {
            return false;
        }
        append(until, key);
        return true;
    }

    /** How many ids are held (expired ones included until the next sweep). */
    public int size() {
        return expiries.size();
    }

    private synchronized void append(long until, String key) {
        try {
            writer.write(Long.toString(until));
            writer.write(' ');
            writer.write(key);
            writer.write('\n');
            writer.flush();
            linesWritten++;
            if (++addsSinceSweep >= SWEEP_EVERY) {
                addsSinceSweep = 0;
                long now = clock.millis();
                expiries.values().removeIf(expiry -> expiry <= now);
                if (linesWritten - expiries.size() > COMPACT_SLACK) {
                    compact();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the replay journal " + journal + ": " + e.getMessage(), e);
        }
    }

    private void load() throws IOException {
        if (!Files.exists(journal)) {
            return;
        }
        long now = clock.millis();
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        for (String line : lines) {
            int space = line.indexOf(' ');
            if (space <= 0) {
                continue; // a line cut short by a crash mid-write
            }
            long until;
            try {
                until = Long.parseLong(line.substring(0, space));
            } catch (NumberFormatException e) {
                continue;
            }
            if (until > now) {
                expiries.merge(line.substring(space + 1), until, Math::max);
            }
        }
    }

    private synchronized void compact() throws IOException {
        if (writer != null) {
            writer.close();
        }
        Path next = journal.resolveSibling(journal.getFileName() + ".next");
        try (BufferedWriter out = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, Long> e : expiries.entrySet()) {
                out.write(e.getValue() + " " + e.getKey() + "\n");
            }
        }
        try {
            Files.setPosixFilePermissions(next, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the journal names clients and message ids only; owner-only where the file system allows
        }
        Files.move(next, journal, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        linesWritten = expiries.size();
        writer = Files.newBufferedWriter(journal, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Override
    public synchronized void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
