package ps.takamul.audit.bundle;

import java.util.Base64;
import java.util.List;
import ps.takamul.audit.merkle.CompactRange;

/**
 * prefix.json: the compact range of the records before a bundle's first, so roots over the whole
 * log can be computed from the bundle alone.
 *
 * @param size   how many records it stands for (the manifest's {@code from})
 * @param hashes the perfect subtrees' roots, largest first, base64
 */
public record Prefix(long size, List<String> hashes) {

    public static Prefix of(CompactRange range) {
        return new Prefix(range.size(), range.hashes().stream().map(Base64.getEncoder()::encodeToString).toList());
    }

    /** Throws IllegalArgumentException when the hashes are not a compact range of {@code size} records. */
    public CompactRange range() {
        return CompactRange.of(size, (hashes == null ? List.<String>of() : hashes).stream()
                .map(Base64.getDecoder()::decode).toList());
    }
}
