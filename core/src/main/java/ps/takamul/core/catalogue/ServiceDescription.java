package ps.takamul.core.catalogue;

import java.time.Duration;
import java.util.Set;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.identifier.ServiceId;

/**
 * Everything the bus knows about one service: what it is, who provides it, who may call it.
 * {@code source} names the catalogue file it came from, for error messages.
 */
public record ServiceDescription(
        ServiceId id,
        ServiceProtocol protocol,
        ServiceKind kind,
        BilingualText description,
        Duration timeout,
        int consumers,
        ConnectorSettings connector,
        Mediation mediation,
        Set<ClientId> clients,
        String source) {

    public ServiceDescription {
        clients = Set.copyOf(clients);
    }

    /**
     * Deny by default: a client may call only if it, or its whole member, is listed.
     */
    public boolean allows(ClientId client) {
        return clients.contains(client) || clients.contains(new ClientId(client.member(), null));
    }
}
