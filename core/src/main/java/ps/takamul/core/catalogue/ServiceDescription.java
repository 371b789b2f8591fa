package ps.takamul.core.catalogue;

import java.nio.file.Path;
import java.time.Duration;
import ps.takamul.core.identifier.ServiceId;

/**
 * Everything the bus knows about one service: what it is, who answers for it, how it is reached.
 * Who may call it, and what they receive, is for the data-sharing agreements
 * ({@link ps.takamul.core.agreement.Agreements}).
 *
 * @param owner       null when the catalogue names none
 * @param contract    the absolute path of its OpenAPI document (REST) or WSDL (SOAP), checked at
 *                    load; null when the catalogue names none
 * @param dataSubject where requests name the person they are about; null when not stated
 * @param bodyLogging the one in force: the service's own, else its member's, else {@code METADATA}
 * @param source      the catalogue file it came from, for error messages
 */
public record ServiceDescription(
        ServiceId id,
        BilingualText name,
        BilingualText description,
        ServiceProtocol protocol,
        ServiceKind kind,
        Owner owner,
        Path contract,
        DataSubject dataSubject,
        BodyLogging bodyLogging,
        Sla sla,
        int consumers,
        ConnectorSettings connector,
        Mediation mediation,
        String source) {

    /** How long the connector waits for the provider: {@code sla().timeout()}. */
    public Duration timeout() {
        return sla.timeout();
    }

    /** What {@link #contract()} is; null when there is none. */
    public ContractType contractType() {
        return contract == null ? null : ContractType.of(protocol);
    }
}
