package ps.takamul.routes.soap;

import java.io.IOException;

/** Raised while reading a SOAP request that is over the size limit. */
final class BodyTooLargeException extends IOException {
    BodyTooLargeException(long limit) {
        super("request body is over the limit of " + limit + " bytes");
    }
}
