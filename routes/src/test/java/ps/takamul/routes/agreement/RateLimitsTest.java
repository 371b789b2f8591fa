package ps.takamul.routes.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import ps.takamul.core.agreement.Allowance;
import ps.takamul.core.agreement.DataSharingAgreement;
import ps.takamul.core.agreement.Operation;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.core.protocol.ErrorCode;

/** Rate limits and quotas on a clock the test moves: exhaustion, the wait named, and the reset. */
class RateLimitsTest {
    static final ClientId MOH = ClientId.parse("PS/GOV/MOH/health-records");
    static final ClientId MOH_PHARMACY = ClientId.parse("PS/GOV/MOH/pharmacy");

    final AtomicLong nanos = new AtomicLong();
    final RateLimits limits = new RateLimits(new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    });

    static DataSharingAgreement agreement(String rateLimit, String quota) {
        return new DataSharingAgreement("A-1", "PS/GOV/MOH", ServiceId.parse("PS/GOV/MOI/civil-registry/person-by-id/v1"),
                List.of(Operation.parse("GET /**")), List.of(), Set.of(),
                rateLimit == null ? null : Allowance.parse(rateLimit), quota == null ? null : Allowance.parse(quota),
                Instant.parse("2026-01-01T00:00:00Z"), null, "x", Instant.parse("2026-01-01T00:00:00Z"));
    }

    void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void aQuotaIsUsedUpThenRestoredWholeAtTheEndOfItsPeriod() {
        DataSharingAgreement daily = agreement(null, "3 per 1d");
        for (int i = 0; i < 3; i++) {
            limits.acquire(daily, MOH);
        }
        advance(Duration.ofHours(6));
        assertThatThrownBy(() -> limits.acquire(daily, MOH))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.error()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(18));
                    assertThat(e.retryAfterSeconds()).isEqualTo(18 * 3600);
                });
        advance(Duration.ofHours(18));
        for (int i = 0; i < 3; i++) {
            limits.acquire(daily, MOH);
        }
    }

    @Test
    void aRateLimitAllowsItsBurstThenItsPace() {
        DataSharingAgreement paced = agreement("2 per 1s", null);
        limits.acquire(paced, MOH);
        limits.acquire(paced, MOH);
        assertThatThrownBy(() -> limits.acquire(paced, MOH))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.error()).isEqualTo(ErrorCode.RATE_LIMITED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(500));
                    assertThat(e.retryAfterSeconds()).as("rounded up to a whole second").isEqualTo(1);
                });
        advance(Duration.ofMillis(500));
        limits.acquire(paced, MOH);
        assertThatThrownBy(() -> limits.acquire(paced, MOH)).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void eachSubsystemHasItsOwnAllowanceUnderAMemberWideAgreement() {
        DataSharingAgreement one = agreement(null, "1 per 1d");
        limits.acquire(one, MOH);
        limits.acquire(one, MOH_PHARMACY);
        assertThatThrownBy(() -> limits.acquire(one, MOH)).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void aRequestRefusedByTheQuotaDoesNotCountAgainstTheRateLimit() {
        DataSharingAgreement both = agreement("2 per 1s", "2 per 1d");
        limits.acquire(both, MOH);
        limits.acquire(both, MOH);
        advance(Duration.ofSeconds(1)); // the rate bucket is full again; the quota is not
        assertThatThrownBy(() -> limits.acquire(both, MOH)).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.error()).isEqualTo(ErrorCode.QUOTA_EXCEEDED));
        advance(Duration.ofDays(1));
        limits.acquire(both, MOH);
        limits.acquire(both, MOH);
    }

    @Test
    void aReloadedAgreementWithTheSameLimitsKeepsItsCountAndChangedLimitsStartAfresh() {
        limits.acquire(agreement(null, "1 per 1d"), MOH);
        assertThatThrownBy(() -> limits.acquire(agreement(null, "1 per 1d"), MOH))
                .as("an equal agreement read again from the files").isInstanceOf(RateLimitedException.class);
        limits.acquire(agreement(null, "2 per 1d"), MOH);
    }
}
