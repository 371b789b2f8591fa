package ps.takamul.security.httpsig;

/** A message cannot be signed, or its signature does not verify; the message says which. */
public class SignatureException extends RuntimeException {
    public SignatureException(String message) {
        super(message);
    }

    public SignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
