package ps.takamul.routes.trust;

import java.time.Duration;
import java.time.Instant;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;

/**
 * Whether a signature's time is acceptable: within the skew of the node's clock and not past its
 * own expiry. Checked before the signer's certificate, so an old message is called stale rather
 * than blamed on a certificate that was not valid yet at its time.
 */
public final class Freshness {
    private Freshness() {
    }

    public static void check(Instant created, Instant expires, Duration skew, Instant now) {
        if (created.isAfter(now.plus(skew)) || created.isBefore(now.minus(skew))) {
            throw new TakamulException(ErrorCode.MESSAGE_STALE,
                    "signed at " + created + ", more than " + skew + " from the node's time " + now);
        }
        if (expires != null && expires.isBefore(now)) {
            throw new TakamulException(ErrorCode.MESSAGE_STALE, "the signature expired at " + expires);
        }
    }
}
