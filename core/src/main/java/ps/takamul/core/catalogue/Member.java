package ps.takamul.core.catalogue;

import java.util.Set;
import ps.takamul.core.identifier.MemberId;

/** An organisation registered on the bus, with the codes of its subsystems. */
public record Member(MemberId id, BilingualText name, Set<String> subsystems) {
    public Member {
        subsystems = Set.copyOf(subsystems);
    }
}
