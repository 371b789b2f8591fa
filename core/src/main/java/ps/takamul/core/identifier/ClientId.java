package ps.takamul.core.identifier;

/**
 * Who is calling: a member ({@code PS/GOV/MOH}) or, usually, one of its subsystems
 * ({@code PS/GOV/MOH/health-records}). X-Road allows both forms; so do we.
 */
public record ClientId(MemberId member, String subsystemCode) {

    public ClientId {
        if (member == null) {
            throw new IdentifierException("member is missing");
        }
        if (subsystemCode != null) {
            Codes.require("subsystem code", subsystemCode);
        }
    }

    public static ClientId parse(String value) {
        String[] p = Codes.split("client id", value, 3, 4);
        return new ClientId(new MemberId(p[0], p[1], p[2]), p.length == 4 ? p[3] : null);
    }

    public static ClientId of(SubsystemId subsystem) {
        return new ClientId(subsystem.member(), subsystem.subsystemCode());
    }

    public boolean isSubsystem() {
        return subsystemCode != null;
    }

    public SubsystemId asSubsystem() {
        return isSubsystem() ? new SubsystemId(member, subsystemCode) : null;
    }

    @Override
    public String toString() {
        return isSubsystem() ? member + "/" + subsystemCode : member.toString();
    }
}
