package ps.takamul.audit.store;

import java.util.concurrent.CompletableFuture;
import ps.takamul.audit.record.AuditRecord;

/** A record waiting for the writer, encoded and hashed already on the appender's thread. */
record Pending(AuditRecord record, byte[] canonical, byte[] leafHash, CompletableFuture<Long> done) {
}
