package ps.takamul.node.trust;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.node.support.TestPki;
import ps.takamul.security.ocsp.IssuedCertificates;
import ps.takamul.security.pki.Identity;
import ps.takamul.security.pki.InstanceCa;
import ps.takamul.security.pki.Profile;
import ps.takamul.security.pki.RevocationReason;
import ps.takamul.security.trust.CertificateProblem;
import ps.takamul.security.trust.CertificateRejectedException;

/** The hub's own answer to "is this signer revoked?", read from the CA index `takamul-pki ca revoke` writes. */
class LocalCaRevocationTest {
    @TempDir
    Path dir;

    @Test
    void answersGoodRevokedAndUnknownFromTheIndexAsItChanges() throws Exception {
        InstanceCa ca = InstanceCa.init(dir.resolve("ca"), "PS", Duration.ofDays(30), TestPki.PASSWORD, null);
        X509Certificate moh = TestPki.signingKey(TestPki.issue(ca, Profile.MEMBER_SIGNING,
                Identity.member(MemberId.parse("PS/GOV/MOH")), dir.resolve("moh"))).certificate();
        LocalCaRevocation revocation = new LocalCaRevocation(ca.issuing(),
                IssuedCertificates.fromIndex(dir.resolve("ca").resolve(InstanceCa.INDEX)));

        assertThatCode(() -> revocation.check(moh, ca.issuing(), Instant.now())).doesNotThrowAnyException();

        ca.revoke(moh.getSerialNumber(), RevocationReason.KEY_COMPROMISE);
        assertThatThrownBy(() -> revocation.check(moh, ca.issuing(), Instant.now()))
                .isInstanceOfSatisfying(CertificateRejectedException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.problem()).isEqualTo(CertificateProblem.REVOKED));

        InstanceCa other = InstanceCa.init(dir.resolve("other"), "XX", Duration.ofDays(30), TestPki.PASSWORD, null);
        X509Certificate stranger = TestPki.signingKey(TestPki.issue(other, Profile.MEMBER_SIGNING,
                Identity.member(MemberId.parse("PS/GOV/MOH")), dir.resolve("stranger"))).certificate();
        assertThatThrownBy(() -> revocation.check(stranger, other.issuing(), Instant.now()))
                .isInstanceOfSatisfying(CertificateRejectedException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.problem()).isEqualTo(CertificateProblem.REVOCATION_UNAVAILABLE));
    }
}
