package ps.takamul.routes.mediation;

import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;

/**
 * For mediation routes: the request is well-formed but does not fit the service (a path that is
 * not a national ID, say). Its one-string constructor lets a YAML route raise it with
 * {@code throwException}. The message is shown to the caller: keep personal data out of it.
 */
public class InvalidRequestException extends TakamulException {
    public InvalidRequestException(String message) {
        super(ErrorCode.INVALID_REQUEST, message);
    }
}
