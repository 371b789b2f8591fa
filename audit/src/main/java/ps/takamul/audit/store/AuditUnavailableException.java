package ps.takamul.audit.store;

/**
 * The audit log cannot take or give records: its database is down or refused the write. An
 * exchange that cannot be audited is refused rather than run unaudited.
 */
public class AuditUnavailableException extends RuntimeException {
    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
