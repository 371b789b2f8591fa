package ps.takamul.core.catalogue;

import ps.takamul.core.identifier.SubsystemId;

/** A system of a member that calls or offers services, with its name for people. */
public record Subsystem(SubsystemId id, BilingualText name) {

    public String code() {
        return id.subsystemCode();
    }
}
