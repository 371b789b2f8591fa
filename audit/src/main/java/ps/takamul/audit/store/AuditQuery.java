package ps.takamul.audit.store;

import java.time.Instant;
import ps.takamul.audit.record.AuditRecord;

/**
 * What an auditor looks for. Every criterion left null matches everything; the set ones must all
 * match. Pages are cut by sequence number (keyset), so a page stays the same while the log grows.
 *
 * @param from        appended at or after this time
 * @param to          appended before this time
 * @param kind        the record's kind
 * @param messageId   the exchange's message id
 * @param client      the client id
 * @param service     the service id
 * @param userId      the end user's id
 * @param dataSubject the national ID the exchange was about
 * @param status      the HTTP status answered
 * @param errorCode   the error code
 * @param order       newest or oldest first
 * @param after       the previous page's {@link AuditPage#next}, or null for the first page
 * @param limit       the most records on one page
 */
public record AuditQuery(Instant from, Instant to, AuditRecord.Kind kind, String messageId, String client,
                         String service, String userId, String dataSubject, Integer status, String errorCode,
                         Order order, Long after, int limit) {
    public static final int MAX_LIMIT = 1000;

    /** The order of a page, by sequence number. */
    public enum Order { NEWEST_FIRST, OLDEST_FIRST }

    public AuditQuery {
        order = order == null ? Order.NEWEST_FIRST : order;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_LIMIT + " records, not " + limit);
        }
    }

    /** Everything, newest first, 100 to a page. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, null, null, null, null, Order.NEWEST_FIRST, null, 100);
    }

    public AuditQuery between(Instant from, Instant to) {
        return new AuditQuery(from, to, kind, messageId, client, service, userId, dataSubject, status, errorCode, order, after, limit);
    }

    public AuditQuery kind(AuditRecord.Kind kind) {
        return new AuditQuery(from, to, kind, messageId, client, service, userId, dataSubject, status, errorCode, order, after, limit);
    }

    public AuditQuery messageId(String messageId) {
        return new AuditQuery(from, to, kind, messageId, client, service, userId, dataSubject, status, errorCode, order, after, limit);
    }

    public AuditQuery client(String client) {
        return new AuditQuery(from, to, kind, messageId, client, service, userId, dataSubject, status, errorCode, order, after, limit);
    }

    public AuditQuery service(String service) {
        return new AuditQuery(from, to, kind, messageId, client, service, userId, dataSubject, status, errorCode, order, after, limit);
    }

    public AuditQuery userId(String userId) {
        return new AuditQuery(from, to, kind, messageId, client, service, userId, dataSubject, status, errorCode, order, after, limit);
    }

    public AuditQuery dataSubject(String dataSubject) {
        return new AuditQuery(from, to, kind, messageId, client, service, userId, dataSubject, status, errorCode, order, after, limit);
    }

    public AuditQuery status(Integer status) {
        return new AuditQuery(from, to, kind, messageId, client, service, userId, dataSubject, status, errorCode, order, after, limit);
    }

    public AuditQuery errorCode(String errorCode) {
        return new AuditQuery(from, to, kind, messageId, client, service, userId, dataSubject, status, errorCode, order, after, limit);
    }

    public AuditQuery order(Order order) {
        return new AuditQuery(from, to, kind, messageId, client, service, userId, dataSubject, status, errorCode, order, after, limit);
    }

    public AuditQuery after(Long after) {
        return new AuditQuery(from, to, kind, messageId, client, service, userId, dataSubject, status, errorCode, order, after, limit);
    }

    public AuditQuery limit(int limit) {
        return new AuditQuery(from, to, kind, messageId, client, service, userId, dataSubject, status, errorCode, order, after, limit);
    }
}
