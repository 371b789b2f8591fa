package ps.takamul.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.core.identifier.SubsystemId;
import ps.takamul.node.support.Http;
import ps.takamul.node.support.LogCapture;
import ps.takamul.node.support.SignedRest;
import ps.takamul.node.support.TestNodes;
import ps.takamul.node.support.TestPki;
import ps.takamul.node.support.TestProvider;
import ps.takamul.security.httpsig.SignatureFields;
import ps.takamul.security.httpsig.SignatureParameters;
import ps.takamul.security.httpsig.MessageSigner;
import ps.takamul.security.pki.Identity;
import ps.takamul.security.pki.InstanceCa;
import ps.takamul.security.pki.MemberBinding;
import ps.takamul.security.pki.Profile;
import ps.takamul.security.pki.RevocationReason;
import ps.takamul.security.sign.SigningKey;

/**
 * RFC 9421 signatures on REST, end to end through a real node: a signed request is served and
 * its answer is signed by the provider's member; every bad signature, certificate or replay is
 * refused with its own code, logged, and nothing reaches the broker.
 */
class RestSignatureTest {
    static final String MOH = "PS/GOV/MOH/health-records";
    static final byte[] BODY = "{\"الاسم\":\"محمود درويش\",\"المدينة\":\"رام الله\"}".getBytes(StandardCharsets.UTF_8);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static InstanceCa ca;
    static TestProvider provider;
    static TakamulNode node;
    static SigningKey moh;
    static SigningKey mol;
    static SigningKey stranger;
    static SigningKey clientTls;
    static SigningKey revoked;
    static String echo;

    @BeforeAll
    static void start() throws Exception {
        ca = InstanceCa.init(dir.resolve("ca"), "PS", Duration.ofDays(30), TestPki.PASSWORD, null);
        moh = TestPki.signingKey(TestPki.issue(ca, Profile.MEMBER_SIGNING, Identity.member(MemberId.parse("PS/GOV/MOH")), dir.resolve("moh")));
        mol = TestPki.signingKey(TestPki.issue(ca, Profile.MEMBER_SIGNING, Identity.member(MemberId.parse("PS/GOV/MOL")), dir.resolve("mol")));
        clientTls = TestPki.signingKey(TestPki.issue(ca, Profile.CLIENT_TLS, Identity.subsystem(SubsystemId.parse(MOH)), dir.resolve("moh-tls")));
        Path providerKey = TestPki.issue(ca, Profile.MEMBER_SIGNING, Identity.member(MemberId.parse("PS/GOV/TEST")), dir.resolve("test"));
        InstanceCa other = InstanceCa.init(dir.resolve("other-ca"), "XX", Duration.ofDays(30), TestPki.PASSWORD, null);
        stranger = TestPki.signingKey(TestPki.issue(other, Profile.MEMBER_SIGNING, Identity.member(MemberId.parse("PS/GOV/MOH")), dir.resolve("stranger")));
        revoked = TestPki.signingKey(TestPki.issue(ca, Profile.MEMBER_SIGNING, Identity.member(MemberId.parse("PS/GOV/MOH")), dir.resolve("moh-revoked")));
        ca.revoke(revoked.certificate().getSerialNumber(), RevocationReason.KEY_COMPROMISE);
        InstanceCa.writeCrl(ca.crl(Duration.ofDays(1)), dir.resolve("signers"));

        provider = new TestProvider();
        Map<String, String> settings = TestNodes.settings(dir, TestNodes.catalogue(dir), provider.url(), "http://127.0.0.1:1", "http://127.0.0.1:1");
        settings.put("takamul.node.member", "PS/GOV/TEST");
        settings.put("takamul.node.role", "gateway");
        TestPki.signatures(settings, ca, dir, providerKey.toString());
        settings.put("takamul.trust.crl", dir.resolve("signers.crl").toString());
        node = TestNodes.start(settings);
        echo = node.restBaseUrl() + "/PS/GOV/TEST/provider/echo/v1";
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
        provider.close();
    }

    static String newId() {
        return "sig-" + UUID.randomUUID();
    }

    @Test
    void aSignedRequestIsServedAndItsAnswerIsSignedByTheProvidersMember() throws Exception {
        SignedRest.Request request = SignedRest.post(echo, moh, MOH, newId(), BODY,
                Map.of("X-Road-Issue", "case-17", "Takamul-Purpose", "health-insurance"), Instant.now());
        HttpResponse<byte[]> response = Http.send(request.build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(BODY);
        X509Certificate signer = SignedRest.verifyResponse(response);
        assertThat(MemberBinding.memberOf(signer)).isEqualTo(MemberId.parse("PS/GOV/TEST"));
        assertThat(provider.nextEcho().body()).isEqualTo(BODY);
    }

    @Test
    void anUnsignedRequestIsRefused() throws Exception {
        refused(Http.post(echo, MOH, "application/json", BODY).header("X-Road-Id", newId()), 403, "Client.SignatureRequired");
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() throws Exception {
        SignedRest.Request request = SignedRest.post(echo, moh, MOH, newId(), BODY);
        request.body = "{\"الاسم\":\"شخص آخر\"}".getBytes(StandardCharsets.UTF_8);
        refused(request.build(), 403, "Client.DigestMismatch");
    }

    @Test
    void aBodyAndDigestChangedTogetherBreakTheSignature() throws Exception {
        SignedRest.Request request = SignedRest.post(echo, moh, MOH, newId(), BODY);
        request.body = "{}".getBytes(StandardCharsets.UTF_8);
        request.headers.put("Content-Digest", ps.takamul.security.httpsig.ContentDigest.of(request.body));
        refused(request.build(), 403, "Client.SignatureInvalid");
    }

    @Test
    void aSignedHeaderChangedAfterSigningIsRefused() throws Exception {
        SignedRest.Request request = SignedRest.post(echo, moh, MOH, newId(), BODY,
                Map.of("Takamul-Purpose", "health-insurance"), Instant.now());
        request.headers.put("Takamul-Purpose", "curiosity");
        refused(request.build(), 403, "Client.SignatureInvalid");
    }

    @Test
    void anXRoadHeaderLeftOutOfTheSignatureIsRefused() throws Exception {
        SignedRest.Request request = SignedRest.post(echo, moh, MOH, newId(), BODY);
        request.headers.put("X-Road-UserId", "PS12345");
        refused(request.build(), 403, "Client.SignatureInvalid");
    }

    @Test
    void aSignatureByAnotherMembersKeyIsRefused() throws Exception {
        refused(SignedRest.post(echo, mol, MOH, newId(), BODY).build(), 403, "Client.SignerMismatch");
    }

    @Test
    void aCertificateFromAnUnknownCaIsRefused() throws Exception {
        refused(SignedRest.post(echo, stranger, MOH, newId(), BODY).build(), 403, "Client.CertificateUntrusted");
    }

    @Test
    void aTlsCertificateCannotSignMessages() throws Exception {
        refused(SignedRest.post(echo, clientTls, MOH, newId(), BODY).build(), 403, "Client.CertificateUsage");
    }

    @Test
    void anExpiredCertificateIsRefused() throws Exception {
        SigningKey expired = new SigningKey(moh.privateKey(), List.of(TestPki.reissue(dir.resolve("ca"), moh.certificate(),
                moh.certificate().getPublicKey(), Instant.now().minus(Duration.ofDays(20)), Instant.now().minus(Duration.ofDays(1)))));
        refused(SignedRest.post(echo, expired, MOH, newId(), BODY).build(), 403, "Client.CertificateExpired");
    }

    @Test
    void aNotYetValidCertificateIsRefused() throws Exception {
        SigningKey future = new SigningKey(moh.privateKey(), List.of(TestPki.reissue(dir.resolve("ca"), moh.certificate(),
                moh.certificate().getPublicKey(), Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(20)))));
        refused(SignedRest.post(echo, future, MOH, newId(), BODY).build(), 403, "Client.CertificateNotYetValid");
    }

    @Test
    void aRevokedCertificateIsRefused() throws Exception {
        refused(SignedRest.post(echo, revoked, MOH, newId(), BODY).build(), 403, "Client.CertificateRevoked");
    }

    @Test
    void aWeakKeyIsRefused() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        KeyPair weak = rsa.generateKeyPair();
        X509Certificate certificate = TestPki.reissue(dir.resolve("ca"), moh.certificate(), weak.getPublic(),
                Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(5)));
        // RSA is not among Takamul's REST algorithms either; the certificate is refused first.
        SignedRest.Request request = SignedRest.post(echo, moh, MOH, newId(), BODY);
        SignatureParameters parameters = SignatureFields.parse(request.headers.get("Signature-Input"), request.headers.get("Signature")).parameters();
        request.headers.put("Signature-Input", SignatureFields.input(new SignatureParameters(parameters.components(),
                parameters.created(), parameters.expires(), SigningKey.keyIdOf(certificate), null)));
        request.headers.put(MessageSigner.SIGNER_CERTIFICATE, MessageSigner.certificateField(certificate));
        refused(request.build(), 403, "Client.WeakAlgorithm");
    }

    @Test
    void aReplayedMessageIdIsRefused() throws Exception {
        String id = newId();
        assertThat(Http.send(SignedRest.post(echo, moh, MOH, id, BODY).build()).statusCode()).isEqualTo(200);
        provider.nextEcho();
        // signed anew, so only the id repeats
        refused(SignedRest.post(echo, moh, MOH, id, BODY).build(), 409, "Client.MessageReplayed");
    }

    @Test
    void aStaleSignatureIsRefused() throws Exception {
        refused(SignedRest.post(echo, moh, MOH, newId(), BODY, Map.of(), Instant.now().minus(Duration.ofMinutes(10))).build(),
                403, "Client.MessageStale");
    }

    @Test
    void aMalformedSignatureFieldIsRefused() throws Exception {
        SignedRest.Request request = SignedRest.post(echo, moh, MOH, newId(), BODY);
        request.headers.put("Signature", "takamul=:not base64!:");
        refused(request.build(), 403, "Client.SignatureInvalid");
    }

    private static void refused(java.net.http.HttpRequest.Builder request, int status, String code) throws Exception {
        long before = node.broker().messagesAdded("takamul.");
        try (LogCapture log = new LogCapture("takamul.exchange")) {
            HttpResponse<byte[]> response = Http.send(request);
            assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(status);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo(code);
            assertThat(log.lines()).anyMatch(line -> line.contains("error=" + code));
        }
        assertThat(node.broker().messagesAdded("takamul.")).as("nothing enqueued").isEqualTo(before);
    }
}
