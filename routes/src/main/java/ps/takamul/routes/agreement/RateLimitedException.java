package ps.takamul.routes.agreement;

import java.time.Duration;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;

/** A request over an agreement's rate limit or quota, with when the client may try again. */
public final class RateLimitedException extends TakamulException {
    private final Duration retryAfter;

    /** The detail says when to retry too: a SOAP fault has no Retry-After header. */
    RateLimitedException(ErrorCode error, String detail, Duration retryAfter) {
        super(error, detail + "; retry after " + seconds(retryAfter) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The {@code Retry-After} value: whole seconds, rounded up, at least one. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
