package ps.takamul.core.protocol;

/**
 * A refusal or failure with a stable {@link ErrorCode}. The detail is shown to the caller and
 * logged (through {@code LogMask}): write it without personal data (no names or bodies). A
 * provider's own fault text is passed on to its caller as it is, and masked in the logs.
 */
public class TakamulException extends RuntimeException {
    private final ErrorCode error;

    public TakamulException(ErrorCode error, String detail) {
        super(detail);
        this.error = error;
    }

    public TakamulException(ErrorCode error, String detail, Throwable cause) {
        super(detail, cause);
        this.error = error;
    }

    public ErrorCode error() {
        return error;
    }

    public String detail() {
        return getMessage();
    }
}
