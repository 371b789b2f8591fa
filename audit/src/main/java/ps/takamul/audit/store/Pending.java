package ps.takamul.audit.store;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A record waiting for the writer, encoded and hashed already on the appender's thread, with the
 * bodies kept beside it (by digest), which go into the same transaction. Of the record itself only
 * its {@link SearchColumns} are kept: the canonical bytes are the record. {@code appendedAt} is set
 * once the record is durable in the embedded store's journal, so the row written later carries the
 * time it was appended, not the time it was indexed; null until then.
 */
record Pending(SearchColumns columns, byte[] canonical, byte[] leafHash, Map<String, byte[]> bodies,
               CompletableFuture<Long> done, Instant appendedAt) {
    Pending(SearchColumns columns, byte[] canonical, byte[] leafHash, Map<String, byte[]> bodies,
            CompletableFuture<Long> done) {
        this(columns, canonical, leafHash, bodies, done, null);
    }

    /** What the record takes in memory while it waits for the indexer, near enough: its bytes and its bodies'. */
    long bytes() {
        long n = canonical.length;
        for (byte[] body : bodies.values()) {
            n += body.length;
        }
        return n;
    }

    Pending appendedAt(Instant at) {
        return new Pending(columns, canonical, leafHash, bodies, done, at);
    }
}
