package ps.takamul.security.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.security.pki.Identity;
import ps.takamul.security.pki.Profile;

/** One test per problem a signer's certificate can have, on certificates made at run time. */
class PkixSignerValidatorTest {
    @TempDir
    Path dir;
    private TrustTestPki pki;
    private PkixSignerValidator validator;

    @BeforeEach
    void setUp() {
        pki = TrustTestPki.create(dir.resolve("ps"), "PS", null);
        validator = validatorFor(pki);
    }

    private static PkixSignerValidator validatorFor(TrustTestPki pki) {
        return PkixSignerValidator.builder().anchors(List.of(pki.ca().root())).revocation(RevocationChecker.NONE).build();
    }

    private void assertRejected(List<X509Certificate> chain, Instant at, CertificateProblem problem) {
        assertThatThrownBy(() -> validator.validate(chain, at)).isInstanceOf(CertificateRejectedException.class)
                .satisfies(e -> assertThat(((CertificateRejectedException) e).problem())
                        .as(e.getMessage()).isEqualTo(problem));
    }

    @Test
    void aMemberSigningCertificateIsBoundToItsMember() {
        MemberId labour = MemberId.parse("PS/GOV/MOL");
        assertThat(validator.validate(pki.memberSigning(TrustTestPki.MOI).chain(), Instant.now())).isEqualTo(TrustTestPki.MOI);
        assertThat(validator.validate(pki.memberSigning(labour).chain(), Instant.now())).isEqualTo(labour);
    }

    @Test
    void theIssuingCaMayComeFromConfigurationInsteadOfTheMessage() {
        X509Certificate leaf = pki.memberSigning(TrustTestPki.MOI).certificate();
        assertRejected(List.of(leaf), Instant.now(), CertificateProblem.UNTRUSTED);
        PkixSignerValidator configured = PkixSignerValidator.builder().anchors(List.of(pki.ca().root()))
                .intermediates(List.of(pki.ca().issuing())).revocation(RevocationChecker.NONE).build();
        assertThat(configured.validate(List.of(leaf), Instant.now())).isEqualTo(TrustTestPki.MOI);
    }

    @Test
    void aCertificateFromAnotherInstanceIsUntrusted() {
        TrustTestPki other = TrustTestPki.create(dir.resolve("xx"), "XX", null);
        assertRejected(other.memberSigning(MemberId.parse("XX/GOV/MOI")).chain(), Instant.now(), CertificateProblem.UNTRUSTED);
    }

    @Test
    void aLookAlikeCaWithTheSameNamesIsUntrusted() {
        TrustTestPki forger = TrustTestPki.create(dir.resolve("forged"), "PS", null);
        assertRejected(forger.memberSigning(TrustTestPki.MOI).chain(), Instant.now(), CertificateProblem.UNTRUSTED);
    }

    @Test
    void aCertificateIssuedByAnEndEntityIsUntrusted() throws Exception {
        TrustTestPki.Issued member = pki.memberSigning(MemberId.parse("PS/GOV/MOL"));
        X509Certificate underMember = TestCertificates.memberSigning().issuedBy(member.certificate(), member.key());
        assertRejected(List.of(underMember, member.certificate(), pki.ca().issuing()), Instant.now(),
                CertificateProblem.UNTRUSTED);
    }

    @Test
    void anExpiredCertificateIsRefused() throws Exception {
        Instant now = Instant.now();
        X509Certificate expired = TestCertificates.memberSigning()
                .valid(now.minus(Duration.ofMinutes(4)), now.minus(Duration.ofMinutes(1)))
                .issuedBy(pki.ca().issuing(), pki.issuingKey());
        assertRejected(List.of(expired, pki.ca().issuing()), now, CertificateProblem.EXPIRED);
        assertThat(validator.validate(List.of(expired, pki.ca().issuing()), now.minus(Duration.ofMinutes(2))))
                .as("valid at the time it signed").isEqualTo(TrustTestPki.MOI);
    }

    @Test
    void aCertificateNotYetValidIsRefused() throws Exception {
        Instant now = Instant.now();
        X509Certificate future = TestCertificates.memberSigning()
                .valid(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(10)))
                .issuedBy(pki.ca().issuing(), pki.issuingKey());
        assertRejected(List.of(future, pki.ca().issuing()), now, CertificateProblem.NOT_YET_VALID);
    }

    @Test
    void tlsAndTimestampCertificatesMayNotSignForAMember() {
        assertRejected(pki.clientTls("PS/GOV/MOH/health-records").chain(), Instant.now(), CertificateProblem.WRONG_USAGE);
        assertRejected(pki.nodeTls().chain(), Instant.now(), CertificateProblem.WRONG_USAGE);
        assertRejected(pki.issue(Profile.TSA,
                Identity.node("hub-tsa", List.of(), List.of())).chain(), Instant.now(),
                CertificateProblem.WRONG_USAGE);
    }

    @Test
    void aSha1SignatureInTheChainIsWeak() throws Exception {
        X509Certificate sha1 = TestCertificates.memberSigning().signedWith("SHA1withECDSA")
                .issuedBy(pki.ca().issuing(), pki.issuingKey());
        assertRejected(List.of(sha1, pki.ca().issuing()), Instant.now(), CertificateProblem.WEAK_ALGORITHM);
    }

    @Test
    void anRsa1024KeyIsWeak() throws Exception {
        X509Certificate rsa1024 = TestCertificates.memberSigning().rsaKey(1024)
                .issuedBy(pki.ca().issuing(), pki.issuingKey());
        assertRejected(List.of(rsa1024, pki.ca().issuing()), Instant.now(), CertificateProblem.WEAK_ALGORITHM);
    }

    @Test
    void anEmptyChainIsUntrusted() {
        assertRejected(List.of(), Instant.now(), CertificateProblem.UNTRUSTED);
    }
}
