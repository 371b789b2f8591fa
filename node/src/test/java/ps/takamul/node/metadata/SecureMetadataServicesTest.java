package ps.takamul.node.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.core.identifier.SubsystemId;
import ps.takamul.node.TakamulNode;
import ps.takamul.node.support.Http;
import ps.takamul.node.support.SoapEnvelopes;
import ps.takamul.node.support.TestPki;
import ps.takamul.security.pki.Identity;
import ps.takamul.security.pki.InstanceCa;
import ps.takamul.security.pki.Pem;
import ps.takamul.security.pki.Profile;

/**
 * The metaservices in the secure profile, on the Interior's gateway with message signatures on:
 * the caller proves who it is with its TLS client certificate, like any request; without one, or
 * naming another subsystem, it learns nothing. SOAP metaservices pass WS-Security like any SOAP
 * request (the node signs for the Ministry of Labour's legacy system) and come back signed.
 */
class SecureMetadataServicesTest {
    static final String MOH = "PS/GOV/MOH/health-records";
    static final String MOL = "PS/GOV/MOL/labour-registry";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static InstanceCa ca;
    static TakamulNode node;
    static HttpClient moh;
    static HttpClient mol;

    @BeforeAll
    static void start() throws Exception {
        ca = InstanceCa.init(dir.resolve("ca"), "PS", Duration.ofDays(30), TestPki.PASSWORD, null);
        Path nodeKeystore = TestPki.issue(ca, Profile.NODE_TLS,
                Identity.node("test-node", List.of("localhost"), List.of("127.0.0.1")), dir.resolve("node"));
        Path mohKeystore = TestPki.issue(ca, Profile.CLIENT_TLS, Identity.subsystem(SubsystemId.parse(MOH)), dir.resolve("moh"));
        Path molKeystore = TestPki.issue(ca, Profile.CLIENT_TLS, Identity.subsystem(SubsystemId.parse(MOL)), dir.resolve("mol"));
        Path molSigning = TestPki.issue(ca, Profile.MEMBER_SIGNING, Identity.member(MemberId.parse("PS/GOV/MOL")), dir.resolve("mol-signing"));
        Path moiSigning = TestPki.issue(ca, Profile.MEMBER_SIGNING, Identity.member(MemberId.parse("PS/GOV/MOI")), dir.resolve("moi-signing"));
        Path trust = dir.resolve("trust.pem");
        Pem.write(trust, ca.issuing(), ca.root());

        node = MetadataNodes.start(dir, settings -> {
            settings.put("takamul.tls.enabled", "true");
            settings.put("takamul.tls.port", "0");
            settings.put("takamul.tls.keystore", nodeKeystore.toString());
            settings.put("takamul.tls.password", new String(TestPki.PASSWORD));
            settings.put("takamul.tls.trust", trust.toString());
            settings.put("takamul.node.role", "gateway");
            settings.put("takamul.node.member", "PS/GOV/MOI");
            settings.put("takamul.signatures.on-behalf-of", MOL);
            TestPki.signatures(settings, ca, dir, molSigning + "," + moiSigning);
        });
        moh = TestPki.client(mohKeystore, ca.root());
        mol = TestPki.client(molKeystore, ca.root());
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    static HttpResponse<String> get(HttpClient client, String url, String caller) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (caller != null) {
            request.header("X-Road-Client", caller);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aClientWithItsOwnCertificateLearnsWhatItMayCall() throws Exception {
        HttpResponse<String> response = get(moh, node.tlsBaseUrl() + "/PS/GOV/MOI/civil-registry/allowedMethods", MOH);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode services = JSON.readTree(response.body()).path("service");
        assertThat(services).hasSize(2);
    }

    @Test
    void aClientNamingAnotherSubsystemThanItsCertificateIsRefused() throws Exception {
        HttpResponse<String> response = get(moh, node.tlsBaseUrl() + "/PS/GOV/MOI/civil-registry/allowedMethods",
                "PS/GOV/MOL/labour-registry");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("X-Road-Error")).hasValue("Client.CertificateMismatch");
    }

    @Test
    void withoutACertificateNothingIsAnswered() throws Exception {
        HttpResponse<byte[]> listMethods = Http.send(Http.get(node.restBaseUrl() + "/PS/GOV/MOI/civil-registry/listMethods", MOH)
                .header("Takamul-Peer-Subsystem", MOH));
        assertThat(listMethods.headers().firstValue("X-Road-Error")).as("a client cannot claim a certificate by header")
                .hasValue("Client.CertificateRequired");

        HttpResponse<byte[]> clients = Http.send(Http.get(MetadataNodes.root(node.restBaseUrl()) + "/listClients", null));
        assertThat(clients.statusCode()).isEqualTo(403);
        assertThat(clients.headers().firstValue("X-Road-Error")).hasValue("Client.CertificateRequired");
    }

    @Test
    void soapMetaservicesPassWsSecurityAndComeBackSigned() throws Exception {
        long before = node.broker().messagesAdded("takamul.");
        String envelope = SoapEnvelopes.request(MOL, "PS/GOV/MOI/civil-registry/allowedMethods", null, "mol-meta-1",
                "<xrd:allowedMethods/>");
        HttpResponse<String> response = mol.send(HttpRequest.newBuilder(URI.create(node.soapAddress()))
                .header("Content-Type", "text/xml; charset=UTF-8").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("allowedMethodsResponse", "PersonByNationalId", "FamilyExtract")
                .as("signed as the Interior").contains("<wsse:Security", "<ds:Signature", "BinarySecurityToken");
        assertThat(node.broker().messagesAdded("takamul.")).isEqualTo(before);
    }

    @Test
    void listClientsAnswersAnyCertifiedClient() throws Exception {
        HttpResponse<String> response = get(moh, MetadataNodes.root(node.tlsBaseUrl()) + "/listClients", null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("وزارة الداخلية");
    }
}
