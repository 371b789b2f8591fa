package ps.takamul.core.catalogue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import ps.takamul.core.agreement.Agreements;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.core.identifier.SubsystemId;

/**
 * The members, subsystems and services the node knows, and the data-sharing agreements that say
 * who may call what. Immutable: a reload builds a new one, so a message in flight keeps the
 * catalogue it started with.
 */
public final class Catalogue {
    private final Map<MemberId, Member> members;
    private final Agreements agreements;
    private final Map<ServiceId, ServiceDescription> services;
    /** Services by subsystem and code, for REST paths where the version may be part of the path. */
    private final Map<SubsystemId, Map<String, List<ServiceDescription>>> byCode;

    public Catalogue(Collection<Member> members, Collection<ServiceDescription> services) {
        this(members, services, Agreements.NONE);
    }

    private Catalogue(Collection<Member> members, Collection<ServiceDescription> services, Agreements agreements) {
        this.agreements = agreements;
        this.members = members.stream().collect(Collectors.toUnmodifiableMap(Member::id, m -> m));
        this.services = services.stream()
                .collect(Collectors.toUnmodifiableMap(ServiceDescription::id, s -> s));
        this.byCode = services.stream().collect(Collectors.groupingBy(s -> s.id().subsystem(),
                Collectors.groupingBy(s -> s.id().serviceCode())));
    }

    /** The same catalogue governed by these agreements (checked against it by {@code AgreementLoader}). */
    public Catalogue withAgreements(Agreements agreements) {
        return new Catalogue(members.values(), services.values(), agreements);
    }

    /** Deny by default: with no agreements, nobody may call anything. */
    public Agreements agreements() {
        return agreements;
    }

    public Collection<Member> members() {
        return members.values();
    }

    public Optional<Member> member(MemberId id) {
        return Optional.ofNullable(members.get(id));
    }

    public Optional<Subsystem> subsystem(SubsystemId id) {
        return member(id.member()).flatMap(m -> m.subsystem(id.subsystemCode()));
    }

    public Collection<ServiceDescription> services() {
        return services.values();
    }

    public Optional<ServiceDescription> service(ServiceId id) {
        return Optional.ofNullable(services.get(id));
    }

    /** All versions of a service code offered by a subsystem. */
    public List<ServiceDescription> servicesByCode(SubsystemId subsystem, String code) {
        return byCode.getOrDefault(subsystem, Map.of()).getOrDefault(code, List.of());
    }

    /** A client is known when its member is registered and, if named, its subsystem too. */
    public boolean isKnown(ClientId client) {
        Member member = members.get(client.member());
        return member != null && (!client.isSubsystem() || member.subsystem(client.subsystemCode()).isPresent());
    }
}
