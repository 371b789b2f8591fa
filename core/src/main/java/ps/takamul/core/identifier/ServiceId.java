package ps.takamul.core.identifier;

/**
 * A service offered by a subsystem,
 * {@code INSTANCE/CLASS/CODE/SUBSYSTEM/SERVICE[/VERSION]}, for example
 * {@code PS/GOV/MOI/civil-registry/person-by-id/v1}. The version is optional, as in X-Road.
 */
public record ServiceId(SubsystemId subsystem, String serviceCode, String version) {

    public ServiceId {
        if (subsystem == null) {
            throw new IdentifierException("subsystem is missing");
        }
        Codes.require("service code", serviceCode);
        if (version != null) {
            Codes.require("service version", version);
        }
    }

    public static ServiceId parse(String value) {
        String[] p = Codes.split("service id", value, 5, 6);
        SubsystemId subsystem = new SubsystemId(new MemberId(p[0], p[1], p[2]), p[3]);
        return new ServiceId(subsystem, p[4], p.length == 6 ? p[5] : null);
    }

    public MemberId member() {
        return subsystem.member();
    }

    /**
     * The identifier as one queue-name-safe token: segments joined by '.', which
     * {@link Codes} keeps out of every segment, so the mapping is reversible.
     */
    public String asQueueSuffix() {
        MemberId m = member();
        String base = m.instance() + "." + m.memberClass() + "." + m.memberCode() + "."
                + subsystem.subsystemCode() + "." + serviceCode;
        return version == null ? base : base + "." + version;
    }

    @Override
    public String toString() {
        String base = subsystem + "/" + serviceCode;
        return version == null ? base : base + "/" + version;
    }
}
