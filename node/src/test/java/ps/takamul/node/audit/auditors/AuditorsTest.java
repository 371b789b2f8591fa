package ps.takamul.node.audit.auditors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.routes.auditor.Auditor;
import ps.takamul.routes.auditor.AuditorRole;

/**
 * The auditors file: PBKDF2 entries with their own iteration count, authentication by HTTP Basic
 * header, the short memory of successful verifications, the first start's default user with its
 * password in a file only the node's user may read, and changes picked up while running.
 */
class AuditorsTest {
    static final int FAST = 1000;

    @TempDir
    Path dir;

    @Test
    void theFirstStartMakesTheDefaultAuditorWithAPasswordOnlyTheOwnerCanRead() throws Exception {
        Path file = Auditors.defaultFile(dir);

        Path passwordFile = Auditors.ensureDefault(file, FAST).orElseThrow();

        assertThat(passwordFile).isEqualTo(dir.resolve("audit").resolve("auditor-password"));
        assertThat(Files.getPosixFilePermissions(passwordFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        String password = Files.readString(passwordFile).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        String content = Files.readString(file);
        assertThat(content).doesNotContain(password).containsPattern("(?m)^auditor=auditor:pbkdf2-sha256:1000:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$");
        assertThat(Auditors.load(file).authenticate(basic("auditor", password)))
                .contains(new Auditor("auditor", AuditorRole.AUDITOR));

        assertThat(Auditors.ensureDefault(file, FAST)).as("never again once the file exists").isEmpty();
        assertThat(Files.readString(file)).isEqualTo(content);
        assertThat(Files.readString(passwordFile).strip()).isEqualTo(password);
    }

    @Test
    void theDefaultIterationCountIsOwaspsForPbkdf2Sha256() throws Exception {
        Path file = dir.resolve("auditors.properties");
        Auditors.add(file, "ali", AuditorRole.AUDITOR, "pw".toCharArray(), Auditors.DEFAULT_ITERATIONS);

        assertThat(Files.readString(file)).contains("ali=auditor:pbkdf2-sha256:600000:");
    }

    @Test
    void onlyTheRightPasswordOfAKnownUserAuthenticates() {
        Path file = dir.resolve("auditors.properties");
        Auditors.add(file, "مدقق.أول", AuditorRole.AUDITOR, "كلمة سر".toCharArray(), FAST);
        Auditors.add(file, "dpo", AuditorRole.DATA_PROTECTION, "dpo-pw".toCharArray(), FAST);
        Auditors auditors = Auditors.load(file);

        assertThat(auditors.authenticate(basic("مدقق.أول", "كلمة سر"))).contains(new Auditor("مدقق.أول", AuditorRole.AUDITOR));
        assertThat(auditors.authenticate(basic("dpo", "dpo-pw"))).contains(new Auditor("dpo", AuditorRole.DATA_PROTECTION));
        assertThat(auditors.authenticate(basic("dpo", "dpo-pw "))).isEmpty();
        assertThat(auditors.authenticate(basic("dpo", "كلمة سر"))).isEmpty();
        assertThat(auditors.authenticate(basic("nobody", "dpo-pw"))).isEmpty();
        assertThat(auditors.authenticate(null)).isEmpty();
        assertThat(auditors.authenticate("Bearer abc")).isEmpty();
        assertThat(auditors.authenticate("Basic not-base64!")).isEmpty();
        assertThat(auditors.roles()).containsEntry("dpo", AuditorRole.DATA_PROTECTION).hasSize(2);
    }

    @Test
    void aSuccessfulVerificationIsRememberedBrieflyAndAWrongOneNever() {
        Path file = dir.resolve("auditors.properties");
        Auditors.add(file, "ali", AuditorRole.AUDITOR, "pw".toCharArray(), FAST);
        MutableClock clock = new MutableClock();
        Auditors auditors = Auditors.load(file, clock);

        auditors.authenticate(basic("ali", "pw"));
        auditors.authenticate(basic("ali", "pw"));
        auditors.authenticate(basic("ali", "pw"));
        assertThat(auditors.derivations()).as("one PBKDF2 for three requests").isEqualTo(1);
        auditors.authenticate(basic("ali", "wrong"));
        auditors.authenticate(basic("ali", "wrong"));
        assertThat(auditors.derivations()).isEqualTo(3);
        auditors.authenticate(basic("nobody", "pw"));
        assertThat(auditors.derivations()).as("an unknown name costs the same work").isEqualTo(4);

        clock.now = clock.now.plus(Auditors.REMEMBERED).plusSeconds(1);
        assertThat(auditors.authenticate(basic("ali", "pw"))).isPresent();
        assertThat(auditors.derivations()).as("forgotten after a while").isEqualTo(5);
    }

    @Test
    void aChangedFileIsPickedUpAndForgetsWhatWasRemembered() throws Exception {
        Path file = dir.resolve("auditors.properties");
        Auditors.add(file, "ali", AuditorRole.AUDITOR, "pw".toCharArray(), FAST);
        Auditors auditors = Auditors.load(file);
        assertThat(auditors.authenticate(basic("ali", "pw"))).isPresent();

        Auditors.add(file, "sara", AuditorRole.DATA_PROTECTION, "pw2".toCharArray(), FAST);
        assertThat(auditors.authenticate(basic("sara", "pw2"))).contains(new Auditor("sara", AuditorRole.DATA_PROTECTION));

        assertThat(Auditors.remove(file, "ali")).isTrue();
        assertThat(auditors.authenticate(basic("ali", "pw"))).as("removed, though remembered a moment ago").isEmpty();
        assertThat(Auditors.remove(file, "ali")).isFalse();
    }

    @Test
    void aMalformedLineNamesItsUserAndNotItsHash() throws Exception {
        Path file = dir.resolve("auditors.properties");
        Files.writeString(file, "ali=auditor:md5:1:c2FsdHNhbHQ=:aGFzaGhhc2hoYXNoaGFzaA==\n");

        assertThatThrownBy(() -> Auditors.load(file)).hasMessageContaining("ali").hasMessageNotContaining("aGFzaGhhc2");
        Files.writeString(file, "ali=superuser:pbkdf2-sha256:1000:c2FsdHNhbHQ=:aGFzaGhhc2hoYXNoaGFzaA==\n");
        assertThatThrownBy(() -> Auditors.load(file)).hasMessageContaining("superuser");
    }

    @Test
    void namesThatCouldBreakTheFileAreRefused() {
        Path file = dir.resolve("auditors.properties");
        for (String name : new String[] {"", "a b", "a=b", "a:b", "#a", "x".repeat(65)}) {
            assertThatThrownBy(() -> Auditors.add(file, name, AuditorRole.AUDITOR, "pw".toCharArray(), FAST)).as(name)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-03-01T08:00:00Z");

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
