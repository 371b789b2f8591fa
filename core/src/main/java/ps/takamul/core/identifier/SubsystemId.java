package ps.takamul.core.identifier;

/**
 * A system of a member that consumes or provides services, {@code INSTANCE/CLASS/CODE/SUBSYSTEM},
 * for example {@code PS/GOV/MOI/civil-registry}.
 */
public record SubsystemId(MemberId member, String subsystemCode) {

    public SubsystemId {
        if (member == null) {
            throw new IdentifierException("member is missing");
        }
        Codes.require("subsystem code", subsystemCode);
    }

    public static SubsystemId parse(String value) {
        String[] p = Codes.split("subsystem id", value, 4, 4);
        return new SubsystemId(new MemberId(p[0], p[1], p[2]), p[3]);
    }

    public ServiceId service(String code, String version) {
        return new ServiceId(this, code, version);
    }

    @Override
    public String toString() {
        return member + "/" + subsystemCode;
    }
}
