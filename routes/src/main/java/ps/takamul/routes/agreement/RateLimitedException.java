package ps.takamul.routes.agreement;

import java.time.Duration;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;

/** A request over an agreement's rate limit or quota, with when the client may try again. */
public final class RateLimitedException extends TakamulException {
    private final Duration retryAfter;

    RateLimitedException(ErrorCode error, String detail, Duration retryAfter) {
        super(error, detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The {@code Retry-After} value: whole seconds, rounded up, at least one. */
    public long retryAfterSeconds() {
        long seconds = (retryAfter.toMillis() + 999) / 1000;
        return Math.max(1, seconds);
    }
}
