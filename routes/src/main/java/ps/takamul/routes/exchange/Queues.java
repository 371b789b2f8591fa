package ps.takamul.routes.exchange;

import ps.takamul.core.identifier.ServiceId;

/**
 * The queue layout. One queue per service and kind, so a slow provider only backs up its own
 * queue, and an operator sees each service's depth and consumers in JMX:
 * <ul>
 *   <li>{@code takamul.query.PS.GOV.MOI.civil-registry.person-by-id.v1}: request-reply, non-durable;</li>
 *   <li>{@code takamul.notify.PS.GOV.MOH.health-records.payment-notification.v1}: one-way, durable;</li>
 *   <li>{@code DLQ.takamul.notify.…}: notifications that exhausted their redeliveries
 *       (created by Artemis under the {@value #DEAD_LETTER_ADDRESS} address).</li>
 * </ul>
 */
public final class Queues {
    public static final String QUERY_PREFIX = "takamul.query.";
    public static final String NOTIFY_PREFIX = "takamul.notify.";
    public static final String DEAD_LETTER_ADDRESS = "takamul.dead-letter";
    public static final String DEAD_LETTER_PREFIX = "DLQ.";
    /** Expired messages (query requests whose caller gave up) go here; nothing is bound, so they are dropped. */
    public static final String EXPIRED_ADDRESS = "takamul.expired";

    private Queues() {
    }

    public static String query(ServiceId service) {
        return QUERY_PREFIX + service.asQueueSuffix();
    }

    public static String notification(ServiceId service) {
        return NOTIFY_PREFIX + service.asQueueSuffix();
    }

    public static String deadLetter(ServiceId service) {
        return DEAD_LETTER_PREFIX + notification(service);
    }
}
