package ps.takamul.core.identifier;

/** A client or service identifier that does not follow the X-Road identifier scheme. */
public class IdentifierException extends IllegalArgumentException {
    public IdentifierException(String message) {
        super(message);
    }
}
