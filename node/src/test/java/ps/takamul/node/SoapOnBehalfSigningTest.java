package ps.takamul.node;

import static org.assertj.core.api.Assertions.assertThat;

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
import ps.takamul.examples.civilregistry.CivilRegistryServer;
import ps.takamul.examples.civilregistry.Population;
import ps.takamul.examples.civilregistry.PopulationGenerator;
import ps.takamul.node.support.SoapEnvelopes;
import ps.takamul.node.support.TestNodes;
import ps.takamul.node.support.TestPki;
import ps.takamul.security.pki.Identity;
import ps.takamul.security.pki.InstanceCa;
import ps.takamul.security.pki.Pem;
import ps.takamul.security.pki.Profile;

/**
 * The Interior's gateway in the secure profile: the Ministry of Labour's legacy system sends an
 * unsigned SOAP request over mutual TLS, the node signs it for its member, the civil registry
 * answers, and the answer comes back signed by the Interior (WS-Security).
 */
class SoapOnBehalfSigningTest {
    static final String MOL = "PS/GOV/MOL/labour-registry";

    @TempDir
    static Path dir;
    static InstanceCa ca;
    static TakamulNode node;
    static CivilRegistryServer registry;
    static String someId;
    static HttpClient mol;
    static HttpClient moh;

    @BeforeAll
    static void start() throws Exception {
        ca = InstanceCa.init(dir.resolve("ca"), "PS", Duration.ofDays(30), TestPki.PASSWORD, null);
        Path nodeTls = TestPki.issue(ca, Profile.NODE_TLS, Identity.node("test-node", List.of("localhost"), List.of("127.0.0.1")), dir.resolve("node"));
        mol = TestPki.client(TestPki.issue(ca, Profile.CLIENT_TLS, Identity.subsystem(SubsystemId.parse(MOL)), dir.resolve("mol-tls")), ca.root());
        moh = TestPki.client(TestPki.issue(ca, Profile.CLIENT_TLS, Identity.subsystem(SubsystemId.parse("PS/GOV/MOH/health-records")), dir.resolve("moh-tls")), ca.root());
        Path molSigning = TestPki.issue(ca, Profile.MEMBER_SIGNING, Identity.member(MemberId.parse("PS/GOV/MOL")), dir.resolve("mol"));
        Path moiSigning = TestPki.issue(ca, Profile.MEMBER_SIGNING, Identity.member(MemberId.parse("PS/GOV/MOI")), dir.resolve("moi"));
        Pem.write(dir.resolve("trust.pem"), ca.issuing(), ca.root());
        Population population = PopulationGenerator.generate();
        someId = population.sampleIds(1).get(0);
        registry = CivilRegistryServer.start("127.0.0.1", CivilRegistryServer.freePort(), population);

        Map<String, String> settings = TestNodes.settings(dir, TestNodes.catalogue(dir), "http://127.0.0.1:1",
                registry.address(), registry.address());
        settings.put("takamul.node.role", "gateway");
        settings.put("takamul.node.member", "PS/GOV/MOI");
        settings.put("takamul.tls.enabled", "true");
        settings.put("takamul.tls.port", "0");
        settings.put("takamul.tls.keystore", nodeTls.toString());
        settings.put("takamul.tls.password", new String(TestPki.PASSWORD));
        settings.put("takamul.tls.trust", dir.resolve("trust.pem").toString());
        settings.put("takamul.signatures.on-behalf-of", MOL);
        TestPki.signatures(settings, ca, dir, molSigning + "," + moiSigning);
        node = TestNodes.start(settings);
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
        registry.stop();
    }

    static HttpResponse<String> soap(HttpClient client, String caller, String id) throws Exception {
        String envelope = SoapEnvelopes.request(caller, "PS/GOV/MOI/civil-registry/PersonByNationalId", "v1", id,
                SoapEnvelopes.personById(someId));
        return client.send(HttpRequest.newBuilder(URI.create(node.soapAddress()))
                        .header("Content-Type", "text/xml; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                        .timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theNodeSignsForTheLegacySystemAndTheAnswerIsSignedByTheInterior() throws Exception {
        HttpResponse<String> response = soap(mol, MOL, "mol-obo-1");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("<wsse:Security", "<ds:Signature", someId);
        // the answer's token is the Interior's member-signing certificate
        assertThat(response.body()).contains("BinarySecurityToken");
    }

    @Test
    void aSystemNotOnTheListMustSignItself() throws Exception {
        long before = node.broker().messagesAdded("takamul.");
        HttpResponse<String> response = soap(moh, "PS/GOV/MOH/health-records", "moh-obo-1");
        assertThat(response.body()).contains("Client.SignatureRequired");
        assertThat(node.broker().messagesAdded("takamul.")).isEqualTo(before);
    }

    @Test
    void aSystemCannotGetTheNodeToSignForAnother() throws Exception {
        long before = node.broker().messagesAdded("takamul.");
        HttpResponse<String> response = soap(moh, MOL, "moh-as-mol-1");
        assertThat(response.body()).contains("Client.CertificateMismatch");
        assertThat(node.broker().messagesAdded("takamul.")).isEqualTo(before);
    }
}
