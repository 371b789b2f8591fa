package ps.takamul.routes.agreement;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ps.takamul.core.agreement.Allowance;
import ps.takamul.core.agreement.DataSharingAgreement;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.protocol.ErrorCode;

/**
 * The rate limit and quota of each agreement, counted per calling subsystem with Bucket4j token
 * buckets. The rate limit refills smoothly (a burst of up to its size, then its pace); the quota
 * refills all at once at the end of its period, as a daily allowance does.
 *
 * <p>Buckets are keyed by the agreement's id and allowances, not by the agreement object, so a
 * catalogue reload that leaves an agreement's limits unchanged does not hand its consumers a
 * fresh quota. Counts are per node: behind a balancer each node enforces its own share.
 */
public final class RateLimits {
    private final TimeMeter time;
    private final Map<Key, Bucket> rate = new ConcurrentHashMap<>();
    private final Map<Key, Bucket> quota = new ConcurrentHashMap<>();

    private record Key(String agreement, Allowance allowance, ClientId client) {
    }

    public RateLimits() {
        this(TimeMeter.SYSTEM_NANOTIME);
    }

    /** With a time source of the caller's, so tests can move time. */
    public RateLimits(TimeMeter time) {
        this.time = time;
    }

    /**
     * Takes one request from the agreement's allowances for this client.
     *
     * @throws RateLimitedException with {@link ErrorCode#RATE_LIMITED} or {@link ErrorCode#QUOTA_EXCEEDED}
     */
    public void acquire(DataSharingAgreement agreement, ClientId client) {
        Bucket rateBucket = null;
        if (agreement.rateLimit() != null) {
            rateBucket = bucket(rate, new Key(agreement.id(), agreement.rateLimit(), client), false);
            ConsumptionProbe probe = rateBucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                throw new RateLimitedException(ErrorCode.RATE_LIMITED, "agreement " + agreement.id() + " allows "
                        + describe(agreement.rateLimit()), Duration.ofNanos(probe.getNanosToWaitForRefill()));
            }
        }
        if (agreement.quota() != null) {
            ConsumptionProbe probe = bucket(quota, new Key(agreement.id(), agreement.quota(), client), true)
                    .tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                if (rateBucket != null) {
                    rateBucket.addTokens(1); // a refused request does not count against the pace
                }
                throw new RateLimitedException(ErrorCode.QUOTA_EXCEEDED, "agreement " + agreement.id() + " allows "
                        + describe(agreement.quota()), Duration.ofNanos(probe.getNanosToWaitForRefill()));
            }
        }
    }

    private Bucket bucket(Map<Key, Bucket> buckets, Key key, boolean intervally) {
        return buckets.computeIfAbsent(key, k -> {
            Allowance a = k.allowance();
            return new LocalBucketBuilder()
                    .addLimit(limit -> intervally
                            ? limit.capacity(a.requests()).refillIntervally(a.requests(), a.per())
                            : limit.capacity(a.requests()).refillGreedy(a.requests(), a.per()))
                    .withCustomTimePrecision(time)
                    .build();
        });
    }

    private static String describe(Allowance allowance) {
        return allowance.requests() + " requests per " + allowance.per().toString().substring(2).toLowerCase();
    }
}
