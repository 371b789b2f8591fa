package ps.takamul.core.agreement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;

/**
 * All agreements of the instance and the groups they name, and the decision for one request.
 * When a request is refused, the code names the closest miss: an agreement exists but is out of
 * force, or is in force but does not cover the operation, or covers it but not the purpose.
 */
public final class Agreements {
    public static final String GROUP_PREFIX = "group:";
    /** No agreements: every request is refused. */
    public static final Agreements NONE = new Agreements(List.of(), Map.of());

    private final List<DataSharingAgreement> all;
    /** Per service, so a request scans only its service's agreements however many the instance has. */
    private final Map<ServiceId, List<DataSharingAgreement>> byService;
    /** Group name to its members: subsystem ids or whole member ids. */
    private final Map<String, Set<String>> groups;

    public Agreements(List<DataSharingAgreement> all, Map<String, Set<String>> groups) {
        this.all = List.copyOf(all);
        this.byService = this.all.stream().collect(java.util.stream.Collectors.groupingBy(DataSharingAgreement::service));
        this.groups = Map.copyOf(groups);
    }

    /**
     * The agreement that allows this request, or a refusal with its code.
     *
     * @param path    REST: the path below the service; SOAP: the operation (payload element) name
     * @param purpose the stated purpose code, or null
     */
    public DataSharingAgreement decide(ClientId client, ServiceId service, String method, String path,
                                       String purpose, Instant now) {
        List<DataSharingAgreement> forClient = new ArrayList<>();
        for (DataSharingAgreement a : byService.getOrDefault(service, List.of())) {
            if (names(a.consumer(), client)) {
                forClient.add(a);
            }
        }
        if (forClient.isEmpty()) {
            throw new TakamulException(ErrorCode.NO_AGREEMENT,
                    "no data-sharing agreement lets " + client + " call " + service);
        }
        List<DataSharingAgreement> inForce = forClient.stream().filter(a -> a.inForceAt(now)).toList();
        if (inForce.isEmpty()) {
            DataSharingAgreement ended = forClient.stream().filter(a -> !now.isBefore(a.validFrom())).findFirst().orElse(null);
            if (ended != null) {
                throw new TakamulException(ErrorCode.AGREEMENT_EXPIRED, "agreement " + ended.id() + " ended " + ended.validUntil());
            }
            DataSharingAgreement next = forClient.get(0);
            throw new TakamulException(ErrorCode.AGREEMENT_NOT_YET_VALID,
                    "agreement " + next.id() + " is in force from " + next.validFrom());
        }
        List<DataSharingAgreement> covering = inForce.stream().filter(a -> a.covers(method, path)).toList();
        if (covering.isEmpty()) {
            throw new TakamulException(ErrorCode.OPERATION_NOT_COVERED, "agreement " + inForce.get(0).id()
                    + " allows " + inForce.get(0).operations() + ", not " + method + " on this path");
        }
        for (DataSharingAgreement a : covering) {
            if (a.allowsPurpose(purpose)) {
                return a;
            }
        }
        if (purpose == null || purpose.isBlank()) {
            throw new TakamulException(ErrorCode.PURPOSE_REQUIRED,
                    "state the purpose in Takamul-Purpose; agreement " + covering.get(0).id() + " allows "
                            + covering.get(0).purposes());
        }
        throw new TakamulException(ErrorCode.PURPOSE_NOT_ALLOWED, "purpose '" + purpose + "' is not among "
                + covering.get(0).purposes() + " of agreement " + covering.get(0).id());
    }

    /** The agreements over one service, in force or not. */
    public List<DataSharingAgreement> forService(ServiceId service) {
        return byService.getOrDefault(service, List.of());
    }

    public List<DataSharingAgreement> all() {
        return all;
    }

    /** Group name to its members, as configured. */
    public Map<String, Set<String>> groups() {
        return groups;
    }

    /** The agreements in force now that let this client call anything, for the metadata services. */
    public List<DataSharingAgreement> inForceFor(ClientId client, Instant now) {
        return all.stream().filter(a -> a.inForceAt(now) && names(a.consumer(), client)).toList();
    }

    /** Whether an agreement's consumer names this client: itself, its whole member, or a group holding either. */
    private boolean names(String consumer, ClientId client) {
        if (consumer.startsWith(GROUP_PREFIX)) {
            Set<String> members = groups.getOrDefault(consumer.substring(GROUP_PREFIX.length()), Set.of());
            return members.contains(client.toString()) || members.contains(client.member().toString());
        }
        return consumer.equals(client.toString()) || consumer.equals(client.member().toString());
    }
}
