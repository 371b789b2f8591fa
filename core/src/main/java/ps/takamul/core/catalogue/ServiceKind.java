package ps.takamul.core.catalogue;

/**
 * Whether the caller waits for the answer.
 *
 * <ul>
 *   <li>{@code QUERY}: request-reply. The caller holds the connection and can retry, so the
 *       request travels as a non-durable message that expires with the caller's timeout.</li>
 *   <li>{@code NOTIFICATION}: one-way. Accepted with 202 once the broker has it on disk, then
 *       delivered with redelivery and a dead-letter queue.</li>
 * </ul>
 */
public enum ServiceKind {
    QUERY, NOTIFICATION
}
