package ps.takamul.core.catalogue;

import java.util.List;
import java.util.Optional;
import ps.takamul.core.identifier.MemberId;

/**
 * An organisation registered on the bus, with its subsystems.
 *
 * @param bodyLogging what the audit log keeps of message bodies for this member's services, unless
 *                    a service says otherwise ({@link ServiceDescription#bodyLogging()} is the one in force)
 */
public record Member(MemberId id, BilingualText name, BodyLogging bodyLogging, List<Subsystem> subsystems) {
    public Member {
        subsystems = List.copyOf(subsystems);
    }

    public Optional<Subsystem> subsystem(String code) {
        return subsystems.stream().filter(s -> s.code().equals(code)).findFirst();
    }
}
