package ps.takamul.security.pki;

/** A refused PKI operation; the message says why and is safe to show an operator. */
public class PkiException extends RuntimeException {

    public PkiException(String message) {
        super(message);
    }

    public PkiException(String message, Throwable cause) {
        super(message, cause);
    }
}
