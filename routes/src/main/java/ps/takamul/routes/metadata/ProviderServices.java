package ps.takamul.routes.metadata;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import ps.takamul.core.agreement.DataSharingAgreement;
import ps.takamul.core.agreement.Operation;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.catalogue.ServiceDescription;
import ps.takamul.core.catalogue.ServiceProtocol;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.core.identifier.SubsystemId;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;

/**
 * What the metaservices tell a client about one service provider (a subsystem), REST and SOAP
 * alike. {@code listMethods} is public catalogue data, as in X-Road. {@code allowedMethods} and
 * the contract documents ({@code getOpenAPI}, {@code getWsdl}) follow the data-sharing
 * agreements in force: a consumer learns the details of only what it may call.
 */
final class ProviderServices {
    private static final Comparator<ServiceDescription> BY_CODE_AND_VERSION = Comparator
            .comparing((ServiceDescription s) -> s.id().serviceCode())
            .thenComparing(s -> s.id().version() == null ? "" : s.id().version());

    private final Catalogue catalogue;
    private final SubsystemId provider;

    private ProviderServices(Catalogue catalogue, SubsystemId provider) {
        this.catalogue = catalogue;
        this.provider = provider;
    }

    /** The provider's services, or {@code Client.UnknownService} when the subsystem is not registered. */
    static ProviderServices of(Catalogue catalogue, SubsystemId provider) {
        if (!catalogue.isKnown(ClientId.of(provider))) {
            throw new TakamulException(ErrorCode.UNKNOWN_SERVICE, "no service provider " + provider + " in the catalogue");
        }
        return new ProviderServices(catalogue, provider);
    }

    /** The caller must be registered before it learns anything beyond listClients. */
    static void requireKnown(Catalogue catalogue, ClientId client) {
        if (!catalogue.isKnown(client)) {
            throw new TakamulException(ErrorCode.UNKNOWN_CLIENT, "client " + client + " is not registered");
        }
    }

    SubsystemId provider() {
        return provider;
    }

    /** listMethods: every service the provider offers over this protocol. */
    List<ServiceDescription> offered(ServiceProtocol protocol) {
        return catalogue.services().stream()
                .filter(s -> s.id().subsystem().equals(provider) && s.protocol() == protocol)
                .sorted(BY_CODE_AND_VERSION)
                .toList();
    }

    /** allowedMethods: the offered services an agreement in force lets this client call. */
    List<ServiceDescription> allowedTo(ClientId client, ServiceProtocol protocol, Instant now) {
        Set<ServiceId> agreed = agreedServices(client, now);
        return offered(protocol).stream().filter(s -> agreed.contains(s.id())).toList();
    }

    /**
     * The service whose contract the client asks for (getOpenAPI, getWsdl), if an agreement in
     * force lets the client call it.
     *
     * @param version null: the only version, or the unversioned service when there are several
     */
    ServiceDescription describedTo(ClientId client, ServiceProtocol protocol, String code, String version, Instant now) {
        ServiceDescription service = byCodeAndVersion(code, version);
        if (service.protocol() != protocol) {
            throw new TakamulException(ErrorCode.PROTOCOL_MISMATCH, "service " + service.id() + " is a "
                    + service.protocol() + " service; ask " + (protocol == ServiceProtocol.REST ? "getWsdl over SOAP" : "getOpenAPI over REST"));
        }
        if (!agreedServices(client, now).contains(service.id())) {
            throw new TakamulException(ErrorCode.NO_AGREEMENT,
                    "no data-sharing agreement in force lets " + client + " call " + service.id());
        }
        return service;
    }

    /** The operations the agreements in force open on a service: to anyone, or to one client. */
    List<Operation> operations(ServiceId service, ClientId client, Instant now) {
        List<DataSharingAgreement> agreements = client == null
                ? catalogue.agreements().all().stream().filter(a -> a.inForceAt(now)).toList()
                : catalogue.agreements().inForceFor(client, now);
        Set<Operation> operations = new LinkedHashSet<>();
        agreements.stream().filter(a -> a.service().equals(service)).forEach(a -> operations.addAll(a.operations()));
        return List.copyOf(operations);
    }

    private ServiceDescription byCodeAndVersion(String code, String version) {
        List<ServiceDescription> candidates = catalogue.servicesByCode(provider, code);
        if (version != null) {
            return candidates.stream().filter(s -> version.equals(s.id().version())).findFirst()
                    .orElseThrow(() -> unknown(code + "/" + version));
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        return candidates.stream().filter(s -> s.id().version() == null).findFirst().orElseThrow(() -> candidates.isEmpty()
                ? unknown(code)
                : new TakamulException(ErrorCode.UNKNOWN_SERVICE, "service " + provider + "/" + code + " has versions "
                        + candidates.stream().map(s -> s.id().version()).sorted().collect(Collectors.joining(", "))
                        + "; name one in serviceVersion"));
    }

    private TakamulException unknown(String service) {
        return new TakamulException(ErrorCode.UNKNOWN_SERVICE, "no service " + provider + "/" + service + " in the catalogue");
    }

    private Set<ServiceId> agreedServices(ClientId client, Instant now) {
        return catalogue.agreements().inForceFor(client, now).stream()
                .map(DataSharingAgreement::service).collect(Collectors.toSet());
    }
}
