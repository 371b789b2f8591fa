package ps.takamul.security.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.security.ocsp.HubOcsp;
import ps.takamul.security.ocsp.LocalOcspServer;
import ps.takamul.security.pki.InstanceCa;

/**
 * Revocation through the hub's real OCSP responder on a loopback HTTP server, and through CRL
 * files as {@code takamul-pki ca crl} writes them, alone and as the fallback.
 */
class RevocationTest {
    @TempDir
    Path dir;
    private HubOcsp hub;
    private LocalOcspServer server;
    private TrustTestPki pki;
    private TrustTestPki.Issued member;

    @BeforeEach
    void setUp() throws Exception {
        hub = HubOcsp.start(dir);
        server = hub.server();
        pki = hub.pki();
        member = hub.member();
    }

    @AfterEach
    void tearDown() {
        hub.close();
    }

    private PkixSignerValidator validator(RevocationChecker revocation) {
        return PkixSignerValidator.builder().anchors(List.of(pki.ca().root())).revocation(revocation).build();
    }

    private void revokeMember() {
        hub.revokeMember();
    }

    private Path publishCrl(Duration nextUpdate) {
        Path base = dir.resolve("crl").resolve("issuing");
        InstanceCa.writeCrl(pki.ca().crl(nextUpdate), base);
        return base;
    }

    private static void assertProblem(Executable check, CertificateProblem problem, String message) {
        assertThatThrownBy(check::execute).isInstanceOf(CertificateRejectedException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((CertificateRejectedException) e).problem()).as(e.getMessage()).isEqualTo(problem));
    }

    private static RevocationChecker deadOcsp() throws Exception {
        LocalOcspServer stopped = LocalOcspServer.start();
        stopped.close();
        return OcspRevocationChecker.builder().responder(stopped.url()).connectTimeout(Duration.ofSeconds(1)).build();
    }

    @Test
    void ocspFromTheCertificatesOwnAiaUrlSaysGoodThenRevoked() {
        assertThat(validator(OcspRevocationChecker.builder().build()).validate(member.chain(), Instant.now()))
                .isEqualTo(TrustTestPki.MOI);
        revokeMember();
        assertProblem(() -> validator(OcspRevocationChecker.builder().build()).validate(member.chain(), Instant.now()),
                CertificateProblem.REVOKED, "key-compromise");
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void theCrlAnswersWhenOcspIsDown() throws Exception {
        revokeMember();
        Path crl = publishCrl(Duration.ofDays(7));
        for (String file : List.of("issuing.pem", "issuing.crl")) {
            RevocationChecker revocation = RevocationChecker.withFallback(deadOcsp(),
                    new CrlRevocationChecker(crl.resolveSibling(file)));
            assertProblem(() -> validator(revocation).validate(member.chain(), Instant.now()),
                    CertificateProblem.REVOKED, "says the CRL");
        }
    }

    @Test
    void withOcspDownAndNoCrlTheStatusIsUnavailable() throws Exception {
        RevocationChecker revocation = RevocationChecker.withFallback(deadOcsp(),
                new CrlRevocationChecker(dir.resolve("missing.crl")));
        assertProblem(() -> validator(revocation).validate(member.chain(), Instant.now()),
                CertificateProblem.REVOCATION_UNAVAILABLE, "unreachable");
    }

    @Test
    void aRevokedAnswerFromOcspIsFinalEvenWithAFallback() throws Exception {
        revokeMember();
        RevocationChecker revocation = RevocationChecker.withFallback(
                OcspRevocationChecker.builder().responder(server.url()).build(),
                new CrlRevocationChecker(publishCrl(Duration.ofDays(7)).resolveSibling("issuing.pem")));
        assertProblem(() -> validator(revocation).validate(member.chain(), Instant.now()),
                CertificateProblem.REVOKED, "says OCSP");
    }

    @Test
    void aNewlyPublishedCrlIsReadWithoutARestart() {
        Path crl = publishCrl(Duration.ofDays(7)).resolveSibling("issuing.crl");
        CrlRevocationChecker checker = new CrlRevocationChecker(crl);
        checker.check(member.certificate(), pki.ca().issuing(), Instant.now());
        revokeMember();
        publishCrl(Duration.ofDays(7));
        assertProblem(() -> checker.check(member.certificate(), pki.ca().issuing(), Instant.now()),
                CertificateProblem.REVOKED, "key-compromise");
    }

    @Test
    void anExpiredCrlCannotSayGood() {
        Path crl = publishCrl(Duration.ofHours(1)).resolveSibling("issuing.pem");
        TestClock later = new TestClock();
        later.advance(Duration.ofHours(2));
        assertProblem(() -> new CrlRevocationChecker(crl, later).check(member.certificate(), pki.ca().issuing(), Instant.now()),
                CertificateProblem.REVOCATION_UNAVAILABLE, "expired");
    }

    @Test
    void aCrlSignedByALookAlikeCaIsNotBelieved() {
        TrustTestPki forger = TrustTestPki.create(dir.resolve("forged"), "PS", null);
        Path base = dir.resolve("forged-crl");
        InstanceCa.writeCrl(forger.ca().crl(Duration.ofDays(7)), base);
        assertProblem(() -> new CrlRevocationChecker(base.resolveSibling("forged-crl.pem"))
                        .check(member.certificate(), pki.ca().issuing(), Instant.now()),
                CertificateProblem.REVOCATION_UNAVAILABLE, "not signed by");
    }

    @Test
    void aSecondValidationDoesNotAskTheResponderAgain() {
        PkixSignerValidator validator = validator(OcspRevocationChecker.builder().responder(server.url()).build());
        validator.validate(member.chain(), Instant.now());
        validator.validate(member.chain(), Instant.now());
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void anOcspAnswerIsReusedOnlyWhileFresh() {
        TestClock clock = new TestClock();
        OcspRevocationChecker checker = OcspRevocationChecker.builder().responder(server.url())
                .freshness(Duration.ofMinutes(1)).clock(clock).build();
        checker.check(member.certificate(), pki.ca().issuing(), Instant.now());
        checker.check(member.certificate(), pki.ca().issuing(), Instant.now());
        assertThat(server.requests()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(61));
        revokeMember();
        assertProblem(() -> checker.check(member.certificate(), pki.ca().issuing(), Instant.now()),
                CertificateProblem.REVOKED, "says OCSP");
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void aValidatedCertificateIsRecheckedOnceTheCacheExpires() {
        TestClock clock = new TestClock();
        PkixSignerValidator validator = PkixSignerValidator.builder().anchors(List.of(pki.ca().root()))
                .revocation(OcspRevocationChecker.builder().responder(server.url()).freshness(Duration.ofSeconds(30))
                        .clock(clock).build())
                .cacheFor(Duration.ofMinutes(1)).clock(clock).build();
        validator.validate(member.chain(), Instant.now());
        revokeMember();
        clock.advance(Duration.ofSeconds(59));
        assertThat(validator.validate(member.chain(), Instant.now())).as("still cached").isEqualTo(TrustTestPki.MOI);
        clock.advance(Duration.ofSeconds(2));
        assertProblem(() -> validator.validate(member.chain(), Instant.now()), CertificateProblem.REVOKED, "says OCSP");
    }

    @Test
    void aResponderOfAnotherCaIsNotBelieved() throws Exception {
        TrustTestPki forger = TrustTestPki.create(dir.resolve("forged"), "PS", null);
        try (LocalOcspServer forged = LocalOcspServer.start().serve(forger.responder(Duration.ofHours(1)))) {
            assertProblem(() -> OcspRevocationChecker.builder().responder(forged.url()).build()
                            .check(member.certificate(), pki.ca().issuing(), Instant.now()),
                    CertificateProblem.REVOCATION_UNAVAILABLE, "");
        }
    }
}
