package ps.takamul.node.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.audit.merkle.MerkleProofs;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.audit.verify.BundleVerifier;
import ps.takamul.audit.verify.VerificationReport;
import ps.takamul.examples.civilregistry.CivilRegistryServer;
import ps.takamul.examples.civilregistry.Population;
import ps.takamul.examples.civilregistry.PopulationGenerator;
import ps.takamul.node.TakamulNode;
import ps.takamul.node.support.Http;
import ps.takamul.node.support.TestNodes;
import ps.takamul.node.support.TestProvider;

/**
 * The auditor interfaces on a real node: a query about a person goes through the bus, then the
 * first start's auditor (its password from the file the node wrote) finds it by national ID,
 * proves it is in the signed log, reads the citizen report with the catalogue's Arabic names,
 * exports the log as a bundle that verifies offline, and finds their own readings on record.
 */
class AuditorNodeTest {
    static final String MOH = "PS/GOV/MOH/health-records";
    static final String PERSON_BY_ID = "PS/GOV/MOI/civil-registry/person-by-id/v1";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Population population;
    static CivilRegistryServer registry;
    static TestProvider provider;
    static TakamulNode node;
    static String root;
    static String password;
    static String nationalId;
    static String messageId;

    @BeforeAll
    static void start() throws Exception {
        population = PopulationGenerator.generate();
        registry = CivilRegistryServer.start("127.0.0.1", CivilRegistryServer.freePort(), population);
        provider = new TestProvider();
        Map<String, String> settings = TestNodes.settings(dir, TestNodes.catalogue(dir), provider.url(),
                registry.address(), registry.address());
        node = TestNodes.start(settings);
        root = node.restBaseUrl().substring(0, node.restBaseUrl().length() - "/r1".length());
        password = Files.readString(dir.resolve("data").resolve("audit").resolve("auditor-password")).strip();
        nationalId = population.sampleIds(1).get(0);
        messageId = "auditor-node-" + UUID.randomUUID();
        HttpResponse<byte[]> answer = Http.send(Http.get(node.restBaseUrl() + "/" + PERSON_BY_ID + "/" + nationalId, MOH)
                .header("X-Road-Id", messageId).header("Takamul-Purpose", "health-insurance"));
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (registry != null) {
            registry.stop();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void theExchangeIsFoundByNationalIdAndProvedInTheSignedLog() throws Exception {
        JsonNode found = json(get("/audit/api/records?kind=exchange&dataSubject=" + nationalId));
        assertThat(found.get("records")).hasSize(1);
        JsonNode entry = found.get("records").get(0);
        assertThat(entry.get("record").get("messageId").asText()).isEqualTo(messageId);
        assertThat(entry.get("record").get("client").asText()).isEqualTo(MOH);

        JsonNode proved = json(get("/audit/api/records/" + entry.get("seq").asLong()));
        JsonNode checkpoint = proved.get("checkpoint");
        List<byte[]> path = new ArrayList<>();
        proved.get("proof").forEach(h -> path.add(Base64.getDecoder().decode(h.asText())));
        assertThat(MerkleProofs.verifyInclusion(entry.get("seq").asLong(), checkpoint.get("size").asLong(),
                Base64.getDecoder().decode(proved.get("leafHash").asText()), path,
                Base64.getDecoder().decode(checkpoint.get("root").asText()))).isTrue();
        assertThat(checkpoint.get("signature").asText()).as("the node signs its checkpoints").isNotEmpty();
        assertThat(proved.get("origin").asText()).isEqualTo(node.audit().origin());
    }

    @Test
    void theCitizenReportNamesTheMinistryInArabic() throws Exception {
        JsonNode report = json(get("/audit/api/data-subjects/" + nationalId + "/report"));

        JsonNode access = report.get("accesses").get(0);
        assertThat(access.get("institution").get("name").get("ar").asText()).isEqualTo("وزارة الصحة");
        assertThat(access.get("institution").get("system").get("ar").asText()).isEqualTo("السجلات الصحية");
        assertThat(access.get("service").get("name").get("ar").asText()).isEqualTo("بيانات شخص");
        assertThat(access.get("purpose").asText()).isEqualTo("health-insurance");
        assertThat(access.get("outcome").asText()).isEqualTo("answered");
        String page = new String(get("/audit/report?nationalId=" + nationalId).body(), StandardCharsets.UTF_8);
        assertThat(page).contains("dir=\"rtl\"").contains("وزارة الصحة");
    }

    @Test
    void anExportOverHttpVerifiesOfflineAndTheReadingsAreOnRecord() throws Exception {
        HttpResponse<byte[]> export = get("/audit/api/export");
        assertThat(export.statusCode()).isEqualTo(200);
        Path bundle = Files.write(dir.resolve("node-export.zip"), export.body());

        VerificationReport report = BundleVerifier.verify(bundle, List.of());
        assertThat(report.problems()).isEmpty();
        assertThat(report.records()).isPositive();

        long size = node.audit().log().size();
        AuditRecord last = node.audit().log().store().read(size - 1).orElseThrow().record();
        assertThat(last.kind()).isEqualTo(AuditRecord.Kind.LOG_READ);
        assertThat(last.client()).isEqualTo("auditor:auditor");
        assertThat(last.service()).isEqualTo("/audit/api/export");
        assertThat(last.node()).isEqualTo(node.audit().origin());
    }

    @Test
    void withoutThePasswordNothing() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(root + "/audit/api/records?dataSubject=" + nationalId)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Client.Unauthenticated").doesNotContain(messageId);
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(root + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("auditor:" + password).getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
