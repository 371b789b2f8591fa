package ps.takamul.audit.bundle;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * What a bundle says about itself.
 *
 * @param format    always {@link BundleFormat#FORMAT}
 * @param kind      export, segment or evidence
 * @param origin    the node whose log it is; named in every checkpoint note
 * @param from      the first record's sequence number
 * @param to        one past the last record's (exclusive)
 * @param records   how many lines records.jsonl has: {@code to - from} for an export or segment
 * @param created   when the bundle was written
 * @param messageId the message id an evidence bundle is about; null otherwise
 */
public record Manifest(String format, String kind, String origin, long from, long to, long records, Instant created,
                       String messageId) {

    public static Manifest of(BundleFormat.Kind kind, String origin, long from, long to, long records, Instant created,
                              String messageId) {
        return new Manifest(BundleFormat.FORMAT, kind.label(), origin, from, to, records, created, messageId);
    }

    @JsonIgnore
    public BundleFormat.Kind kindValue() {
        return BundleFormat.Kind.of(kind);
    }
}
