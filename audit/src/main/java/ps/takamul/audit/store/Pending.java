package ps.takamul.audit.store;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import ps.takamul.audit.record.AuditRecord;

/**
 * A record waiting for the writer, encoded and hashed already on the appender's thread, with the
 * bodies kept beside it (by digest), which go into the same transaction.
 */
record Pending(AuditRecord record, byte[] canonical, byte[] leafHash, Map<String, byte[]> bodies,
               CompletableFuture<Long> done) {
}
