package ps.takamul.routes.auditor;

import java.util.Objects;

/**
 * A person who may read the audit log, as authenticated for one request.
 *
 * @param name their user name; the log records their reads as client {@code auditor:NAME}
 * @param role what they may read
 */
public record Auditor(String name, AuditorRole role) {
    public Auditor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    /** The client of the LOG_READ records this auditor's reads leave. */
    public String client() {
        return "auditor:" + name;
    }
}
