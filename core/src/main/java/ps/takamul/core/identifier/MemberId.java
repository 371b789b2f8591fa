package ps.takamul.core.identifier;

/**
 * A member of the exchange: an organisation such as a ministry, {@code INSTANCE/CLASS/CODE},
 * for example {@code PS/GOV/MOI}.
 */
public record MemberId(String instance, String memberClass, String memberCode) {

    public MemberId {
        Codes.require("instance", instance);
        Codes.require("member class", memberClass);
        Codes.require("member code", memberCode);
    }

    public static MemberId parse(String value) {
        String[] p = Codes.split("member id", value, 3, 3);
        return new MemberId(p[0], p[1], p[2]);
    }

    public SubsystemId subsystem(String code) {
        return new SubsystemId(this, code);
    }

    @Override
    public String toString() {
        return instance + "/" + memberClass + "/" + memberCode;
    }
}
