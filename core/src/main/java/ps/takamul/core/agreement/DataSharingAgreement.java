package ps.takamul.core.agreement;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import ps.takamul.core.identifier.ServiceId;

/**
 * What one consumer may ask of one service under the government's data-provisioning policy:
 * which operations, which response fields, for which stated purposes, during which period, and
 * who approved it when. Deny by default: without an agreement in force nothing is served.
 *
 * @param consumer       a subsystem ({@code PS/GOV/MOH/health-records}), a whole member
 *                       ({@code PS/GOV/MOH}) or a group ({@code group:ministries})
 * @param responseFields JSON Pointers (REST) or element paths (SOAP) the consumer receives; empty: the whole answer
 * @param purposes       purpose codes the consumer must state in {@code Takamul-Purpose}; empty: none required
 * @param rateLimit      requests per short period for each consumer subsystem; null: no limit
 * @param quota          requests per long period (a day, a month) for each consumer subsystem; null: no quota
 * @param validUntil     null: no end date
 */
public record DataSharingAgreement(String id, String consumer, ServiceId service, List<Operation> operations,
                                   List<String> responseFields, Set<String> purposes, Allowance rateLimit,
                                   Allowance quota, Instant validFrom, Instant validUntil, String approvedBy,
                                   Instant approvedAt) {

    public DataSharingAgreement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(validFrom, "validFrom");
        operations = List.copyOf(operations);
        responseFields = List.copyOf(responseFields);
        purposes = Set.copyOf(purposes);
        if (validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("agreement " + id + " ends before it starts");
        }
    }

    public boolean inForceAt(Instant at) {
        return !at.isBefore(validFrom) && (validUntil == null || at.isBefore(validUntil));
    }

    public boolean covers(String method, String path) {
        return operations.stream().anyMatch(o -> o.matches(method, path));
    }

    /** Whether the stated purpose (null: none stated) is one this agreement allows. */
    public boolean allowsPurpose(String purpose) {
        return purposes.isEmpty() || (purpose != null && purposes.contains(purpose));
    }
}
