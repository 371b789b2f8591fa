package ps.takamul.security.tsa;

/** A time-stamp could not be obtained or was not acceptable; the message says which check failed. */
public class TimestampException extends RuntimeException {

    public TimestampException(String message) {
        super(message);
    }

    public TimestampException(String message, Throwable cause) {
        super(message, cause);
    }
}
