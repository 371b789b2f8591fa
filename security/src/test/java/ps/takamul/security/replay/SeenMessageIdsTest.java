package ps.takamul.security.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeenMessageIdsTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

    @Test
    void anIdIsFreshOnceWithinItsWindow() throws Exception {
        try (SeenMessageIds seen = new SeenMessageIds(dir.resolve("seen"), clock)) {
            Instant until = clock.instant().plus(Duration.ofMinutes(5));
            assertThat(seen.firstSeen("PS/GOV/MOH/health-records m-1", until)).isTrue();
            assertThat(seen.firstSeen("PS/GOV/MOH/health-records m-1", until)).isFalse();
            assertThat(seen.firstSeen("PS/GOV/MOL/labour-registry m-1", until)).as("ids are per client").isTrue();
        }
    }

    @Test
    void anIdCanBeUsedAgainOnlyAfterItsWindow() throws Exception {
        try (SeenMessageIds seen = new SeenMessageIds(dir.resolve("seen"), clock)) {
            assertThat(seen.firstSeen("c m-1", clock.instant().plusSeconds(60))).isTrue();
            clock.advance(Duration.ofSeconds(59));
            assertThat(seen.firstSeen("c m-1", clock.instant().plusSeconds(60))).isFalse();
            clock.advance(Duration.ofSeconds(2));
            assertThat(seen.firstSeen("c m-1", clock.instant().plusSeconds(60))).isTrue();
        }
    }

    @Test
    void seenIdsSurviveARestartAndExpiredOnesAreDropped() throws Exception {
        Path journal = dir.resolve("seen");
        try (SeenMessageIds seen = new SeenMessageIds(journal, clock)) {
            seen.firstSeen("c long", clock.instant().plusSeconds(600));
            seen.firstSeen("c short", clock.instant().plusSeconds(10));
        }
        clock.advance(Duration.ofSeconds(30));
        try (SeenMessageIds reopened = new SeenMessageIds(journal, clock)) {
            assertThat(reopened.size()).isEqualTo(1);
            assertThat(reopened.firstSeen("c long", clock.instant().plusSeconds(600))).isFalse();
            assertThat(reopened.firstSeen("c short", clock.instant().plusSeconds(600))).isTrue();
        }
        assertThat(Files.readAllLines(journal)).hasSize(2);
    }

    @Test
    void aLineCutShortByACrashIsIgnored() throws Exception {
        Path journal = dir.resolve("seen");
        long until = clock.instant().plusSeconds(600).toEpochMilli();
        Files.writeString(journal, until + " c whole\n" + until, StandardCharsets.UTF_8);
        try (SeenMessageIds seen = new SeenMessageIds(journal, clock)) {
            assertThat(seen.firstSeen("c whole", clock.instant().plusSeconds(600))).isFalse();
            assertThat(seen.size()).isEqualTo(1);
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
