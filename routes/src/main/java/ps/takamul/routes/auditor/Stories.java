package ps.takamul.routes.auditor;

import java.util.ArrayList;
import java.util.List;
import ps.takamul.audit.AuditLog;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.audit.store.AuditPage;
import ps.takamul.audit.store.AuditQuery;
import ps.takamul.audit.store.StoredRecord;

/**
 * A message's story: every record this node holds under its message id (the refusal or the
 * answer, the provider side's hop, a later retry), in the order things happened. That is not
 * always the log's order: a notification's delivery can be on record before its acceptance,
 * which is appended only once the broker holds the message. So a story is ordered by when each
 * hop began (received, else forwarded, else recorded), then by sequence.
 */
final class Stories {
    /** More than any real exchange has; a larger story is cut, and says so. */
    static final int MOST = 1000;

    private Stories() {
    }

    static List<StoredRecord> of(AuditLog log, String messageId) {
        List<StoredRecord> story = new ArrayList<>();
        AuditQuery query = AuditQuery.all().messageId(messageId).order(AuditQuery.Order.OLDEST_FIRST).limit(AuditQuery.MAX_LIMIT);
        AuditPage page;
        do {
            page = log.store().search(query);
            story.addAll(page.records());
            query = query.after(page.next());
        } while (page.next() != null && story.size() < MOST);
        List<StoredRecord> cut = story.size() > MOST ? story.subList(0, MOST) : story;
        List<StoredRecord> ordered = new ArrayList<>(cut);
        ordered.sort(java.util.Comparator.comparing(Stories::began).thenComparingLong(StoredRecord::sequence));
        return ordered;
    }

    private static java.time.Instant began(StoredRecord stored) {
        AuditRecord r = stored.record();
        return r.received() != null ? r.received() : r.forwarded() != null ? r.forwarded() : r.at();
    }
}
