package ps.takamul.audit.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Records [from, to) sealed into an archive bundle file and removed from the database; their leaf
 * hashes stay, so the tree over the whole log is still whole.
 *
 * @param from     the first record's sequence number: where the previous segment ended, or 0
 * @param to       one past the last: the tree size of a checkpoint
 * @param file     the bundle's file name in the archive folder
 * @param sha256   the bundle file's SHA-256, lowercase hex
 * @param sealedAt when the records left the database (to the microsecond)
 */
public record ArchiveSegment(long from, long to, String file, String sha256, Instant sealedAt) {
    public ArchiveSegment {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        sealedAt = sealedAt.truncatedTo(ChronoUnit.MICROS); // what the databases keep
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("an archive segment of records [" + from + ", " + to + ")");
        }
    }

    public boolean contains(long sequence) {
        return sequence >= from && sequence < to;
    }

    @Override
    public String toString() {
        return "archive segment " + file + " (records " + from + " to " + (to - 1) + ", sha-256 " + sha256 + ")";
    }
}
