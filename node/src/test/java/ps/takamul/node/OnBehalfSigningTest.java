package ps.takamul.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.core.identifier.SubsystemId;
import ps.takamul.node.support.SignedRest;
import ps.takamul.node.support.TestNodes;
import ps.takamul.node.support.TestPki;
import ps.takamul.node.support.TestProvider;
import ps.takamul.security.pki.Identity;
import ps.takamul.security.pki.InstanceCa;
import ps.takamul.security.pki.MemberBinding;
import ps.takamul.security.pki.Pem;
import ps.takamul.security.pki.Profile;

/**
 * A legacy client system that cannot sign: it authenticates with its TLS certificate and the node
 * signs for its member; a system not on the node's list must sign itself.
 */
class OnBehalfSigningTest {
    static final String MOH = "PS/GOV/MOH/health-records";
    static final String MOF = "PS/GOV/MOF/e-payments";

    @TempDir
    static Path dir;
    static InstanceCa ca;
    static TestProvider provider;
    static TakamulNode node;
    static HttpClient moh;
    static HttpClient mof;

    @BeforeAll
    static void start() throws Exception {
        ca = InstanceCa.init(dir.resolve("ca"), "PS", Duration.ofDays(30), TestPki.PASSWORD, null);
        Path nodeTls = TestPki.issue(ca, Profile.NODE_TLS, Identity.node("test-node", List.of("localhost"), List.of("127.0.0.1")), dir.resolve("node"));
        moh = TestPki.client(TestPki.issue(ca, Profile.CLIENT_TLS, Identity.subsystem(SubsystemId.parse(MOH)), dir.resolve("moh-tls")), ca.root());
        mof = TestPki.client(TestPki.issue(ca, Profile.CLIENT_TLS, Identity.subsystem(SubsystemId.parse(MOF)), dir.resolve("mof-tls")), ca.root());
        Path mohSigning = TestPki.issue(ca, Profile.MEMBER_SIGNING, Identity.member(MemberId.parse("PS/GOV/MOH")), dir.resolve("moh"));
        Path testSigning = TestPki.issue(ca, Profile.MEMBER_SIGNING, Identity.member(MemberId.parse("PS/GOV/TEST")), dir.resolve("test"));
        Pem.write(dir.resolve("trust.pem"), ca.issuing(), ca.root());

        provider = new TestProvider();
        Map<String, String> settings = TestNodes.settings(dir, TestNodes.catalogue(dir), provider.url(), "http://127.0.0.1:1", "http://127.0.0.1:1");
        settings.put("takamul.node.role", "gateway");
        settings.put("takamul.node.member", "PS/GOV/TEST");
        settings.put("takamul.tls.enabled", "true");
        settings.put("takamul.tls.port", "0");
        settings.put("takamul.tls.keystore", nodeTls.toString());
        settings.put("takamul.tls.password", new String(TestPki.PASSWORD));
        settings.put("takamul.tls.trust", dir.resolve("trust.pem").toString());
        settings.put("takamul.signatures.on-behalf-of", MOH);
        TestPki.signatures(settings, ca, dir, mohSigning + "," + testSigning);
        // Production's way: the checkpoints are signed with a key the instance CA certified.
        settings.put("takamul.audit.signing.keystore", testSigning.toString());
        settings.put("takamul.audit.signing.password", new String(TestPki.PASSWORD));
        node = TestNodes.start(settings);
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
        provider.close();
    }

    static HttpResponse<byte[]> post(HttpClient client, String caller) throws Exception {
        return post(client, caller, java.util.UUID.randomUUID().toString());
    }

    static HttpResponse<byte[]> post(HttpClient client, String caller, String messageId) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(node.tlsBaseUrl() + "/PS/GOV/TEST/provider/echo/v1"))
                        .header("X-Road-Client", caller).header("X-Road-Id", messageId)
                        .header("Content-Type", "text/plain; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString("طلب غير موقّع", StandardCharsets.UTF_8))
                        .timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theNodeSignsForALegacySystemItAuthenticatedAndSignsTheAnswer() throws Exception {
        HttpResponse<byte[]> response = post(moh, MOH);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("طلب غير موقّع");
        assertThat(MemberBinding.memberOf(SignedRest.verifyResponse(response))).isEqualTo(MemberId.parse("PS/GOV/TEST"));
        // the provider sees the request as the node signed it, with an X-Road id to quote
        assertThat(provider.nextEcho().header("X-Road-Id")).isNotBlank();
    }

    /**
     * The evidence package of a signed exchange proves, offline, who signed what: both signatures
     * verify over the signature bases the log kept, and those bases cover the bodies' digests the
     * records hold. A record whose kept base was altered would fail its leaf hash first.
     */
    @Test
    void theEvidenceOfASignedExchangeVerifiesBothSignaturesOffline() throws Exception {
        String messageId = "evidence-" + java.util.UUID.randomUUID();
        assertThat(post(moh, MOH, messageId).statusCode()).isEqualTo(200);
        provider.nextEcho();
        Path evidence = dir.resolve(messageId + ".zip");
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(evidence)) {
            node.audit().exporter().evidence(messageId, out);
        }
        ps.takamul.audit.verify.VerificationReport report =
                ps.takamul.audit.verify.BundleVerifier.verify(evidence, List.of(ca.root()));
        assertThat(report.problems()).isEmpty();
        assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("request signature verified").contains("CN=MOH"))
                .anySatisfy(n -> assertThat(n).contains("response signature verified").contains("CN=TEST"));
    }

    @Test
    void theNodeDoesNotSignTheSameMessageIdTwice() throws Exception {
        assertThat(post(moh, MOH, "legacy-once").statusCode()).isEqualTo(200);
        provider.nextEcho();
        long before = node.broker().messagesAdded("takamul.");
        HttpResponse<byte[]> again = post(moh, MOH, "legacy-once");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(new ObjectMapper().readTree(again.body()).path("code").asText()).isEqualTo("Client.MessageReplayed");
        assertThat(node.broker().messagesAdded("takamul.")).isEqualTo(before);
    }

    @Test
    void aSystemTheNodeDoesNotSignForMustSignItself() throws Exception {
        long before = node.broker().messagesAdded("takamul.");
        HttpResponse<byte[]> response = post(mof, MOF);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(new ObjectMapper().readTree(response.body()).path("code").asText()).isEqualTo("Client.SignatureRequired");
        assertThat(node.broker().messagesAdded("takamul.")).isEqualTo(before);
    }
}
