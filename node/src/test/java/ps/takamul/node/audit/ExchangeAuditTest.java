package ps.takamul.node.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.audit.AuditLog;
import ps.takamul.audit.merkle.MerkleHash;
import ps.takamul.audit.merkle.MerkleProofs;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.audit.store.AuditQuery;
import ps.takamul.audit.store.Checkpoint;
import ps.takamul.audit.store.StoredRecord;
import ps.takamul.examples.civilregistry.CivilRegistryServer;
import ps.takamul.examples.civilregistry.Population;
import ps.takamul.examples.civilregistry.PopulationGenerator;
import ps.takamul.node.TakamulNode;
import ps.takamul.node.support.Http;
import ps.takamul.node.support.SoapEnvelopes;
import ps.takamul.node.support.TestNodes;
import ps.takamul.node.support.TestProvider;

/**
 * Every exchange through a real node leaves its record in the audit log before it is answered:
 * the record found right after the answer, with no waiting, is the proof of that ordering.
 */
class ExchangeAuditTest {
    private static final String MOH = "PS/GOV/MOH/health-records";
    private static final String MOL = "PS/GOV/MOL/labour-registry";
    private static final String PERSON_BY_ID = "PS/GOV/MOI/civil-registry/person-by-id/v1";

    @TempDir
    static Path dir;
    static Population population;
    static CivilRegistryServer registry;
    static TestProvider provider;
    static TakamulNode node;

    @BeforeAll
    static void start() throws Exception {
        population = PopulationGenerator.generate();
        registry = CivilRegistryServer.start("127.0.0.1", CivilRegistryServer.freePort(), population);
        provider = new TestProvider();
        Map<String, String> settings = TestNodes.settings(dir, TestNodes.catalogue(dir), provider.url(),
                registry.address(), registry.address());
        // Reloads only when the test asks, so the admin record it looks for is the one it caused.
        settings.put("takamul.catalogue.reload", "false");
        node = TestNodes.start(settings);
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
        registry.stop();
        provider.close();
    }

    @Test
    void anAnsweredRestQueryIsOnRecordWhenItsAnswerArrives() throws Exception {
        String nationalId = population.sampleIds(1).get(0);
        String messageId = "audit-rest-" + UUID.randomUUID();
        HttpResponse<byte[]> response = Http.send(Http.get(node.restBaseUrl() + "/" + PERSON_BY_ID + "/" + nationalId, MOH)
                .header("X-Road-Id", messageId).header("X-Road-UserId", "PS-clerk-4")
                .header("Takamul-Purpose", "health-insurance"));
        assertThat(response.statusCode()).isEqualTo(200);

        AuditRecord r = only(messageId);
        assertThat(r.kind()).isEqualTo(AuditRecord.Kind.EXCHANGE);
        assertThat(r.node()).isEqualTo("test-node");
        assertThat(r.client()).isEqualTo(MOH);
        assertThat(r.service()).isEqualTo(PERSON_BY_ID);
        assertThat(r.userId()).isEqualTo("PS-clerk-4");
        assertThat(r.purpose()).isEqualTo("health-insurance");
        assertThat(r.dataSubject()).isEqualTo(nationalId);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.errorCode()).isNull();
        assertThat(r.agreement()).isEqualTo("MOI-MOH-2026-001");
        assertThat(r.withheld()).contains("/person/spouseId", "/person/maritalStatus");
        assertThat(r.responseDigest()).isEqualTo(digest(response.body()));
        assertThat(r.responseBytes()).isEqualTo(response.body().length);
        assertThat(r.requestDigest()).isEqualTo(digest(new byte[0]));
        assertThat(r.received()).isNotNull();
        assertThat(r.forwarded()).isAfterOrEqualTo(r.received());
        assertThat(r.answered()).isAfterOrEqualTo(r.forwarded());
    }

    @Test
    void aRefusedRequestIsOnRecordWithItsErrorCodeAndNeverForwarded() throws Exception {
        String messageId = "audit-refused-" + UUID.randomUUID();
        HttpResponse<byte[]> response = Http.send(Http.get(node.restBaseUrl() + "/" + PERSON_BY_ID + "/"
                + population.sampleIds(1).get(0), MOH).header("X-Road-Id", messageId));
        assertThat(response.statusCode()).isEqualTo(403);

        AuditRecord r = only(messageId);
        assertThat(r.errorCode()).isEqualTo("Client.PurposeRequired");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.client()).isEqualTo(MOH);
        assertThat(r.service()).isEqualTo(PERSON_BY_ID);
        assertThat(r.forwarded()).isNull();
        assertThat(r.responseDigest()).isEqualTo(digest(response.body()));
    }

    @Test
    void aSoapQueryRecordsItsDataSubjectFromThePayloadAndAnArabicIssueByteForByte() throws Exception {
        String nationalId = population.sampleIds(1).get(0);
        String messageId = "audit-soap-" + UUID.randomUUID();
        String issue = "قضية عمل رقم ٤٥/٢٠٢٦";
        String envelope = SoapEnvelopes.request(MOL, "PS/GOV/MOI/civil-registry/PersonByNationalId", "v1", messageId,
                SoapEnvelopes.personById(nationalId))
                .replace("<xrd:protocolVersion>", "<xrd:issue>" + issue + "</xrd:issue><xrd:protocolVersion>");
        HttpResponse<byte[]> response = Http.send(Http.soap(node.soapAddress(), envelope));
        assertThat(response.statusCode()).isEqualTo(200);

        StoredRecord stored = node.audit().log().store().search(AuditQuery.all().messageId(messageId)).records().get(0);
        AuditRecord r = stored.record();
        assertThat(r.dataSubject()).isEqualTo(nationalId);
        assertThat(r.issue()).isEqualTo(issue);
        assertThat(new String(stored.canonical(), StandardCharsets.UTF_8)).contains("\"issue\":\"" + issue + "\"");
        assertThat(r.agreement()).isEqualTo("MOI-MOL-2026-001");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.responseBytes()).isPositive();
        assertThat(r.requestDigest()).startsWith("sha-256=:");
    }

    @Test
    void aSoapFailureAfterTheBrokerIsRecordedOnceByTheRoute() throws Exception {
        String messageId = "audit-soap-down-" + UUID.randomUUID();
        HttpResponse<byte[]> fault = Http.send(Http.soap(node.soapAddress(), SoapEnvelopes.request(MOL,
                "PS/GOV/TEST/provider/DownPersonByNationalId", "v1", messageId,
                SoapEnvelopes.personById(population.sampleIds(1).get(0)))));
        assertThat(fault.statusCode()).isEqualTo(500);
        AuditRecord r = only(messageId);
        assertThat(r.errorCode()).isEqualTo("Server.ProviderUnavailable");
        assertThat(r.details()).doesNotContainKey("refusedBy");
        assertThat(r.forwarded()).isNotNull();
    }

    @Test
    void aCatalogueReloadIsAnAdministrativeRecord() throws Exception {
        long before = node.audit().log().size();
        Path agreements = dir.resolve("agreements/test-agreements.yaml");
        Files.writeString(agreements, Files.readString(agreements) + "\n# reviewed\n");
        ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("ps.takamul:type=Catalogue,node=" + ObjectName.quote("test-node")), "reload",
                new Object[0], new String[0]);
        List<StoredRecord> admin = node.audit().log().store()
                .search(AuditQuery.all().kind(AuditRecord.Kind.ADMIN)).records();
        assertThat(admin).isNotEmpty();
        assertThat(admin.get(0).sequence()).isGreaterThanOrEqualTo(before);
        assertThat(admin.get(0).record().details()).containsEntry("action", "catalogue.reloaded");
        assertThat(admin.get(0).record().client()).isNotBlank();
    }

    @Test
    void everyRecordProvesItsPlaceUnderACheckpoint() throws Exception {
        Http.send(Http.get(node.restBaseUrl() + "/" + PERSON_BY_ID + "/" + population.sampleIds(1).get(0), MOH)
                .header("Takamul-Purpose", "health-insurance"));
        AuditLog log = node.audit().log();
        Checkpoint checkpoint = log.checkpoint().orElseThrow();
        assertThat(checkpoint.treeSize()).isEqualTo(log.size());
        for (long seq = 0; seq < checkpoint.treeSize(); seq++) {
            AuditLog.Inclusion inclusion = log.inclusion(seq, checkpoint);
            assertThat(MerkleProofs.verifyInclusion(seq, checkpoint.treeSize(),
                    MerkleHash.leaf(inclusion.record().canonical()), inclusion.proof(), checkpoint.rootHash()))
                    .as("record %d", seq).isTrue();
        }
    }

    @Test
    void aNotificationsStoryHasItsAcceptanceAndEachDeliveryAttempt() throws Exception {
        String messageId = "audit-notify-" + UUID.randomUUID();
        HttpResponse<byte[]> accepted = Http.send(Http.post(node.restBaseUrl() + "/PS/GOV/TEST/provider/failing-notification/v1",
                "PS/GOV/MOF/e-payments", "application/json", "{\"transactionId\":\"T-1\"}".getBytes(StandardCharsets.UTF_8))
                .header("X-Road-Id", messageId));
        assertThat(accepted.statusCode()).isEqualTo(202);
        provider.nextFailure();
        provider.nextFailure(); // the second attempt comes only after the first was rolled back, its record written

        // The story is told in the order things happened: a delivery may be on record before the
        // acceptance it follows, which is appended only once the broker holds the message.
        List<AuditRecord> story = node.audit().log().store()
                .search(AuditQuery.all().messageId(messageId)).records().stream().map(StoredRecord::record)
                .sorted(java.util.Comparator.comparing(r -> r.received() != null ? r.received() : r.forwarded()))
                .toList();
        assertThat(story.get(0).details()).containsEntry("hop", "ingress");
        assertThat(story.get(0).status()).isEqualTo(202);
        assertThat(story.get(1).details()).containsEntry("hop", "delivery").containsEntry("attempt", "1");
        assertThat(story.get(1).errorCode()).isEqualTo("Server.ProviderFault");
        assertThat(story.get(1).client()).isEqualTo("PS/GOV/MOF/e-payments");
    }

    @Test
    void aFullBodyLoggingServiceKeepsItsBodiesWithPersonalFieldsMasked() throws Exception {
        String messageId = "audit-full-" + UUID.randomUUID();
        String body = "{\"transactionId\":\"T-9\",\"payer\":{\"nationalId\":\"987654321\",\"nameAr\":\"محمد الخطيب\"}}";
        HttpResponse<byte[]> accepted = Http.send(Http.post(node.restBaseUrl() + "/PS/GOV/TEST/provider/payment-notification/v1",
                "PS/GOV/MOF/e-payments", "application/json", body.getBytes(StandardCharsets.UTF_8))
                .header("X-Road-Id", messageId));
        assertThat(accepted.statusCode()).isEqualTo(202);
        provider.nextPayment();

        AuditRecord r = node.audit().log().store().search(AuditQuery.all().messageId(messageId)).records().stream()
                .map(StoredRecord::record).filter(x -> "ingress".equals(x.details().get("hop"))).findFirst().orElseThrow();
        assertThat(r.requestDigest()).isEqualTo(digest(body.getBytes(StandardCharsets.UTF_8)));
        String kept = new String(node.audit().log().store().body(r.requestDigest()).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(kept).contains("\"nationalId\":\"*******21\"").contains("محمد الخطيب").doesNotContain("987654321");
        assertThat(node.audit().log().store().body(r.responseDigest())).isPresent();
    }

    @Test
    void refusalsBeforeAnyRouteAreOnRecordToo() throws Exception {
        String messageId = "audit-too-large-" + UUID.randomUUID();
        HttpResponse<byte[]> tooLarge = Http.send(Http.post(node.restBaseUrl() + "/PS/GOV/TEST/provider/echo/v1",
                MOH, "application/json", new byte[70_000]).header("X-Road-Id", messageId));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        AuditRecord large = only(messageId);
        assertThat(large.errorCode()).isEqualTo("Client.BodyTooLarge");
        assertThat(large.client()).isEqualTo(MOH);
        assertThat(large.details()).containsEntry("refusedBy", "http-server");

        long before = node.audit().log().size();
        HttpResponse<byte[]> broken = Http.send(Http.soap(node.soapAddress(),
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><soapenv:Envelope xmlns:soapenv="
                + "\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body><x>&e;</x></soapenv:Body></soapenv:Envelope>"));
        assertThat(broken.statusCode()).isEqualTo(500);
        List<AuditRecord> after = node.audit().log().store().read(before, node.audit().log().size()).stream()
                .map(StoredRecord::record).toList();
        assertThat(after).anySatisfy(r -> {
            assertThat(r.errorCode()).isEqualTo("Client.ForbiddenXml");
            assertThat(r.details()).containsEntry("refusedBy", "cxf");
        });
    }

    private static AuditRecord only(String messageId) {
        List<StoredRecord> found = node.audit().log().store().search(AuditQuery.all().messageId(messageId)).records();
        assertThat(found).hasSize(1);
        return found.get(0).record();
    }

    private static String digest(byte[] body) throws Exception {
        return "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body)) + ":";
    }
}
