package ps.takamul.audit.store;

import java.util.List;

/**
 * One page of a search.
 *
 * @param records the matches, in the query's order
 * @param next    the cursor for the next page ({@link AuditQuery#after}), or null on the last page
 */
public record AuditPage(List<StoredRecord> records, Long next) {
    public AuditPage {
        records = List.copyOf(records);
    }
}
