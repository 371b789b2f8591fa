package ps.takamul.core.catalogue;

import java.time.Duration;
import ps.takamul.core.identifier.ServiceId;

/**
 * Everything the bus knows about one service: what it is, who provides it, how it is reached.
 * Who may call it, and what they receive, is for the data-sharing agreements
 * ({@link ps.takamul.core.agreement.Agreements}).
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
        String source) {
}
