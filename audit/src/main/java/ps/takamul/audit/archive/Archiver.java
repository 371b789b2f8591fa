package ps.takamul.audit.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ps.takamul.audit.AuditLog;
import ps.takamul.audit.bundle.Exporter;
import ps.takamul.audit.store.ArchiveSegment;
import ps.takamul.audit.store.AuditQuery;
import ps.takamul.audit.store.AuditStore;
import ps.takamul.audit.store.Checkpoint;
import ps.takamul.audit.store.StoredRecord;
import ps.takamul.audit.verify.BundleVerifier;
import ps.takamul.audit.verify.VerificationReport;

/**
 * Moves the oldest records out of the database into archive segments: bundle files that verify on
 * their own and, read in order with the live log's export, as one log. A segment always ends at a
 * checkpoint's tree size, so its last record is under a signature without anything after it.
 *
 * <p>The order is what makes it safe: the bundle is written to a temporary file, forced to disk,
 * verified, renamed into place and the folder forced; only then does the store record the segment
 * and delete the rows, in one transaction. A crash before that leaves the rows and perhaps a file
 * the next run replaces; a crash after it leaves a segment that was complete on disk first.
 * Bodies go with their records: they are not in the segment.
 */
public final class Archiver {
    private static final Logger LOG = LoggerFactory.getLogger(Archiver.class);

    private final AuditLog log;
    private final Exporter exporter;
    private final Path folder;

    /** @param folder where the segment files go; created if missing. Keep it on durable, backed-up storage. */
    public Archiver(AuditLog log, Exporter exporter, Path folder) {
        this.log = log;
        this.exporter = exporter;
        this.folder = folder;
    }

    /**
     * Seals every record older than the cut that lies before a checkpoint: the records from the end
     * of the last segment up to the newest checkpoint whose records were all appended before
     * {@code olderThan}. What a retention of N days calls with now minus N days.
     *
     * @return the new segment, or empty when no checkpoint falls in that range
     */
    public synchronized Optional<ArchiveSegment> archive(Instant olderThan) {
        AuditStore store = log.store();
        long from = sealedEnd(store);
        List<StoredRecord> young = store.search(AuditQuery.all().between(olderThan, null)
                .order(AuditQuery.Order.OLDEST_FIRST).limit(1)).records();
        long firstYoung = young.isEmpty() ? log.size() : young.get(0).sequence();
        Optional<Long> to = store.checkpoints().stream().map(Checkpoint::treeSize)
                .filter(size -> size > from && size <= firstYoung).reduce((a, b) -> b);
        return to.map(this::seal);
    }

    /**
     * Seals records [end of the last segment, to) into a segment file and removes them from the
     * database, keeping their leaf hashes.
     *
     * @param to a checkpoint's tree size, past the last segment's end
     * @throws IllegalArgumentException if {@code to} is no checkpoint's tree size or not past the last segment
     * @throws IllegalStateException    if the written bundle does not verify (nothing is then removed)
     */
    public synchronized ArchiveSegment seal(long to) {
        AuditStore store = log.store();
        long from = sealedEnd(store);
        if (to <= from) {
            throw new IllegalArgumentException("records up to " + from + " are archived already; nothing to seal up to " + to);
        }
        if (store.checkpoints().stream().noneMatch(c -> c.treeSize() == to)) {
            throw new IllegalArgumentException("an archive segment ends at a checkpoint's tree size; no checkpoint has " + to);
        }
        String name = String.format("audit-segment-%012d-%012d.zip", from, to);
        Path file = folder.resolve(name);
        String sha256 = write(from, to, file);
        ArchiveSegment segment = new ArchiveSegment(from, to, name, sha256, log.clock().instant());
        store.sealSegment(segment);
        LOG.info("audit records {} to {} sealed into {} and removed from the database", from, to - 1, file);
        return segment;
    }

    /** Where a segment's file is. */
    public Path file(ArchiveSegment segment) {
        return folder.resolve(segment.file());
    }

    private static long sealedEnd(AuditStore store) {
        List<ArchiveSegment> segments = store.segments();
        return segments.isEmpty() ? 0 : segments.get(segments.size() - 1).to();
    }

    /** Writes, syncs and verifies the bundle beside its final name, then renames it in; returns its SHA-256. */
    private String write(long from, long to, Path file) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.createDirectories(folder);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = new DigestOutputStream(
                         new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), sha256)) {
                exporter.segment(from, to, out);
                out.flush();
                channel.force(true);
            }
            VerificationReport report = BundleVerifier.verify(partial, List.of());
            if (!report.ok() || report.records() != to - from) {
                throw new IllegalStateException("archive segment " + file.getFileName() + " does not verify, nothing removed: "
                        + String.join("; ", report.problems()));
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceFolder();
            return HexFormat.of().formatHex(sha256.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("archive segment " + file + " not written: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a leftover .partial is replaced by the next run
            }
        }
    }

    /** The rename is durable only once the folder's entry is on disk too. */
    private void forceFolder() throws IOException {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
