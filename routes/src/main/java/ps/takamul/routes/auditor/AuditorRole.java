package ps.takamul.routes.auditor;

/**
 * What an auditor may read. An {@link #AUDITOR} reads everything the auditor interfaces offer; a
 * {@link #DATA_PROTECTION} officer only answers citizens' requests: the data-access report of one
 * national ID.
 */
public enum AuditorRole {
    AUDITOR("auditor"),
    DATA_PROTECTION("data-protection");

    private final String token;

    AuditorRole(String token) {
        this.token = token;
    }

    /** The role's name in the users file and on the command line. */
    public String token() {
        return token;
    }

    public static AuditorRole parse(String token) {
        for (AuditorRole role : values()) {
            if (role.token.equals(token)) {
                return role;
            }
        }
        throw new IllegalArgumentException("no role '" + token + "': auditor or data-protection");
    }
}
