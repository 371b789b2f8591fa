package ps.takamul.routes.auditor;

import java.util.Locale;
import java.util.Set;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.audit.store.AuditQuery;

/** Turns an auditor's query parameters into an {@link AuditQuery}: the same filters for the API and the page. */
final class RecordFilters {
    /** The API's filters. */
    static final Set<String> API = Set.of("from", "to", "client", "service", "messageId", "userId", "dataSubject",
            "status", "errorCode", "kind", "order", "after", "limit");
    /** The search page's fields: a national ID, and one outcome field for a status or an error code. */
    static final Set<String> PAGE = Set.of("from", "to", "client", "service", "messageId", "userId", "nationalId",
            "outcome", "after", "lang");
    static final int DEFAULT_LIMIT = 100;
    static final int PAGE_LIMIT = 50;

    private RecordFilters() {
    }

    static AuditQuery api(QueryParameters p) {
        Long status = p.number("status", 100, 599);
        Long limit = p.number("limit", 1, AuditQuery.MAX_LIMIT);
        return common(p).dataSubject(p.text("dataSubject"))
                .status(status == null ? null : status.intValue())
                .errorCode(p.text("errorCode"))
                .kind(kind(p.text("kind")))
                .order(order(p.text("order")))
                .limit(limit == null ? DEFAULT_LIMIT : limit.intValue());
    }

    static AuditQuery page(QueryParameters p) {
        AuditQuery query = common(p).dataSubject(p.text("nationalId")).limit(PAGE_LIMIT);
        String outcome = p.text("outcome");
        if (outcome == null) {
            return query;
        }
        return outcome.chars().allMatch(Character::isDigit)
                ? query.status(p.number("outcome", 100, 599).intValue())
                : query.errorCode(outcome);
    }

    private static AuditQuery common(QueryParameters p) {
        var from = p.instant("from");
        var to = p.instant("to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw Refusal.badRequest("from must be before to");
        }
        return AuditQuery.all().between(from, to)
                .client(p.text("client"))
                .service(p.text("service"))
                .messageId(p.text("messageId"))
                .userId(p.text("userId"))
                .after(p.number("after", 0, Long.MAX_VALUE));
    }

    private static AuditRecord.Kind kind(String value) {
        if (value == null) {
            return null;
        }
        try {
            return AuditRecord.Kind.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw Refusal.badRequest("kind must be exchange, admin or log_read, not '" + QueryParameters.printable(value) + "'");
        }
    }

    private static AuditQuery.Order order(String value) {
        if (value == null || value.equals("newest")) {
            return AuditQuery.Order.NEWEST_FIRST;
        }
        if (value.equals("oldest")) {
            return AuditQuery.Order.OLDEST_FIRST;
        }
        throw Refusal.badRequest("order must be newest or oldest, not '" + QueryParameters.printable(value) + "'");
    }
}
