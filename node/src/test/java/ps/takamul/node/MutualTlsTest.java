package ps.takamul.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import ps.takamul.core.identifier.SubsystemId;
import ps.takamul.examples.civilregistry.CivilRegistryServer;
import ps.takamul.examples.civilregistry.Population;
import ps.takamul.examples.civilregistry.PopulationGenerator;
import ps.takamul.node.support.Http;
import ps.takamul.node.support.SoapEnvelopes;
import ps.takamul.node.support.TestNodes;
import ps.takamul.node.support.TestPki;
import ps.takamul.node.support.TestProvider;
import ps.takamul.security.pki.Identity;
import ps.takamul.security.pki.InstanceCa;
import ps.takamul.security.pki.Pem;
import ps.takamul.security.pki.Profile;

/**
 * The secure profile's REST listener: mutual TLS with certificates from the instance PKI, the
 * client system authenticated by its certificate and bound to the subsystem it names.
 */
class MutualTlsTest {
    static final char[] PASSWORD = TestPki.PASSWORD;
    static final String ECHO = "/PS/GOV/TEST/provider/echo/v1";

    @TempDir
    static Path dir;
    static InstanceCa ca;
    static TestProvider provider;
    static TakamulNode node;
    static Path mohKeystore;
    static Path molKeystore;
    static CivilRegistryServer registry;
    static String someId;
    static Path strangerKeystore;

    @BeforeAll
    static void start() throws Exception {
        ca = InstanceCa.init(dir.resolve("ca"), "PS", Duration.ofDays(30), PASSWORD, null);
        Path nodeKeystore = TestPki.issue(ca, Profile.NODE_TLS,
                Identity.node("test-node", List.of("localhost"), List.of("127.0.0.1")), dir.resolve("node"));
        mohKeystore = TestPki.issue(ca, Profile.CLIENT_TLS,
                Identity.subsystem(SubsystemId.parse("PS/GOV/MOH/health-records")), dir.resolve("moh"));
        molKeystore = TestPki.issue(ca, Profile.CLIENT_TLS,
                Identity.subsystem(SubsystemId.parse("PS/GOV/MOL/labour-registry")), dir.resolve("mol"));
        Population population = PopulationGenerator.generate();
        someId = population.sampleIds(1).get(0);
        registry = CivilRegistryServer.start("127.0.0.1", CivilRegistryServer.freePort(), population);
        // The same subsystem, certified by a CA the node does not trust.
        InstanceCa other = InstanceCa.init(dir.resolve("other-ca"), "XX", Duration.ofDays(30), PASSWORD, null);
        strangerKeystore = TestPki.issue(other, Profile.CLIENT_TLS,
                Identity.subsystem(SubsystemId.parse("PS/GOV/MOH/health-records")), dir.resolve("stranger"));
        Path trust = dir.resolve("trust.pem");
        Pem.write(trust, ca.issuing(), ca.root());

        provider = new TestProvider();
        Map<String, String> settings = TestNodes.settings(dir, TestNodes.catalogue(dir), provider.url(),
                registry.address(), registry.address());
        settings.put("takamul.tls.enabled", "true");
        settings.put("takamul.tls.port", "0");
        settings.put("takamul.tls.keystore", nodeKeystore.toString());
        settings.put("takamul.tls.password", new String(PASSWORD));
        settings.put("takamul.tls.trust", trust.toString());
        node = TestNodes.start(settings);
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
        provider.close();
        registry.stop();
    }

    static HttpClient client(Path keystore) throws Exception {
        return TestPki.client(keystore, ca.root());
    }

    static HttpResponse<String> call(HttpClient client, String base, String caller) throws Exception {
        return TestPki.post(client, base + ECHO, caller);
    }

    static String code(HttpResponse<String> response) throws IOException {
        return new ObjectMapper().readTree(response.body()).path("code").asText();
    }

    @Test
    void aClientWithItsOwnCertificateIsServed() throws Exception {
        HttpResponse<String> response = call(client(mohKeystore), node.tlsBaseUrl(), "PS/GOV/MOH/health-records");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("سلام");
        assertThat(provider.nextEcho().header("X-Road-Client")).isEqualTo("PS/GOV/MOH/health-records");
    }

    @Test
    void aClientNamingAnotherSubsystemThanItsCertificateIsRefused() throws Exception {
        long before = node.broker().messagesAdded("takamul.");
        HttpResponse<String> response = call(client(mohKeystore), node.tlsBaseUrl(), "PS/GOV/MOF/e-payments");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(code(response)).isEqualTo("Client.CertificateMismatch");
        assertThat(node.broker().messagesAdded("takamul.")).isEqualTo(before);
    }

    @Test
    void aClientWithoutACertificateCannotConnect() {
        assertThatThrownBy(() -> call(client(null), node.tlsBaseUrl(), "PS/GOV/MOH/health-records"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aCertificateFromAnUntrustedAuthorityCannotConnect() {
        assertThatThrownBy(() -> call(client(strangerKeystore), node.tlsBaseUrl(), "PS/GOV/MOH/health-records"))
                .isInstanceOf(IOException.class);
    }

    static HttpResponse<String> soap(HttpClient client, String caller) throws Exception {
        String envelope = SoapEnvelopes.request(caller, "PS/GOV/MOI/civil-registry/PersonByNationalId", "v1",
                "tls-1", SoapEnvelopes.personById(someId));
        return client.send(HttpRequest.newBuilder(URI.create(node.soapAddress()))
                        .header("Content-Type", "text/xml; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                        .timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void soapIsServedOnlyOverMutualTlsToTheCertificatesSubsystem() throws Exception {
        assertThat(node.soapAddress()).startsWith("https://");
        HttpResponse<String> served = soap(client(molKeystore), "PS/GOV/MOL/labour-registry");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).contains("PersonByNationalIdResponse").contains(someId);

        HttpResponse<String> mismatch = soap(client(mohKeystore), "PS/GOV/MOL/labour-registry");
        assertThat(mismatch.statusCode()).isEqualTo(500);
        assertThat(mismatch.body()).contains("<faultcode>soap:Client.CertificateMismatch</faultcode>");

        assertThatThrownBy(() -> soap(client(null), "PS/GOV/MOL/labour-registry")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> soap(client(strangerKeystore), "PS/GOV/MOL/labour-registry")).isInstanceOf(IOException.class);
    }

    @Test
    void thePlainListenerServesNobodyEvenWithAForgedPeerHeader() throws Exception {
        HttpResponse<byte[]> response = Http.send(Http.post(node.restBaseUrl() + ECHO, "PS/GOV/MOH/health-records",
                "text/plain", "x".getBytes(StandardCharsets.UTF_8)).header("Takamul-Peer-Subsystem", "PS/GOV/MOH/health-records"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("X-Road-Error")).hasValue("Client.CertificateRequired");
    }
}
