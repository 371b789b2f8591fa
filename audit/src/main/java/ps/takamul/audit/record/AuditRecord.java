package ps.takamul.audit.record;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the audit log: an exchange (answered or refused), an administrative action, or a
 * reading of the log itself. It is written once, as canonical JSON ({@link AuditRecords#canonical}),
 * and those exact bytes are the Merkle leaf: nobody can change, drop or reorder a record without
 * the tree's root, signed in a checkpoint, changing.
 *
 * <p>Bodies are not here: a record holds their digests, and a body kept by policy is stored
 * beside the log under its digest, so it can be deleted at the end of its retention without
 * breaking the chain.
 *
 * @param kind          what happened
 * @param at            when the node recorded it
 * @param node          which node recorded it
 * @param messageId     the exchange's message id ({@code X-Road-Id}); for an admin action, null
 * @param correlationId what ties the hops of one exchange together (the request's id as the provider saw it)
 * @param client        the calling client id, or the operator for an admin action
 * @param service       the service id, or the admin action's subject
 * @param userId        the end user the client acted for ({@code X-Road-UserId}), if given
 * @param purpose       the stated purpose (legal basis), if given
 * @param issue         the case or file reference ({@code X-Road-Issue}), if given
 * @param dataSubject   the national ID of the person the exchange is about, where the service declares one
 * @param received      when the request arrived
 * @param forwarded     when it was handed to the provider side (null if refused before)
 * @param answered      when the answer left
 * @param requestBytes  the request body's size
 * @param responseBytes the answer body's size
 * @param status        the HTTP status answered (SOAP: 200 or 500)
 * @param errorCode     the error code if refused or failed, else null
 * @param requestDigest  {@code sha-256=:BASE64:} of the request body as received
 * @param responseDigest {@code sha-256=:BASE64:} of the answer body as sent
 * @param agreement     the data-sharing agreement that allowed the exchange, if any
 * @param withheld      the response fields the agreement withheld (paths, never values)
 * @param evidence      signature material: the request's and response's signature fields and
 *                      signer certificate thumbprints, timestamp references
 * @param details       anything else, e.g. what an admin action changed
 */
public record AuditRecord(Kind kind, Instant at, String node, String messageId, String correlationId,
                          String client, String service, String userId, String purpose, String issue,
                          String dataSubject, Instant received, Instant forwarded, Instant answered,
                          long requestBytes, long responseBytes, int status, String errorCode,
                          String requestDigest, String responseDigest, String agreement, List<String> withheld,
                          Map<String, String> evidence, Map<String, String> details) {

    /** What a record is about. */
    public enum Kind {
        /** A message exchange through the node, served or refused. */
        EXCHANGE,
        /** A change to what the node serves or whom it trusts. */
        ADMIN,
        /** Someone read the log: reading is audited too. */
        LOG_READ
    }

    public AuditRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(node, "node");
        withheld = withheld == null ? List.of() : List.copyOf(withheld);
        evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
