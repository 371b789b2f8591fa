package ps.takamul.routes.auditor;

import static org.assertj.core.api.Assertions.assertThat;
import static ps.takamul.routes.auditor.AuditorTestNode.HEALTH;
import static ps.takamul.routes.auditor.AuditorTestNode.LABOUR;
import static ps.takamul.routes.auditor.AuditorTestNode.PERSON_BY_ID;
import static ps.takamul.routes.auditor.AuditorTestNode.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.audit.merkle.MerkleHash;
import ps.takamul.audit.merkle.MerkleProofs;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.audit.record.AuditRecords;
import ps.takamul.audit.store.StoredRecord;
import ps.takamul.audit.verify.BundleVerifier;
import ps.takamul.audit.verify.VerificationReport;

/**
 * The auditors' JSON API over real HTTP against a real audit log (H2): search filters and keyset
 * paging, a record's inclusion proof checked with {@link MerkleProofs}, a message's story, the
 * checkpoints and consistency proofs, the bundles, and the citizen report with the catalogue's
 * Arabic and English names. Roles and the reading's own records are in {@link AuditorAccessTest}.
 */
class AuditorApiTest {
    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    static final String CITIZEN = "401234567";
    static final String HEALTH_PURPOSE = "علاج مريض في مستشفى رام الله الحكومي";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static AuditorTestNode node;
    /** Sequence numbers of the seeded records, by name. */
    static final Map<String, Long> seq = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        node = new AuditorTestNode(dir);
        seq.put("health", node.append(exchange(T0, "m-1", HEALTH, PERSON_BY_ID, CITIZEN, HEALTH_PURPOSE, 200, null)));
        seq.put("labour-refused", node.append(exchange(T0.plusSeconds(60), "m-2", LABOUR, PERSON_BY_ID, CITIZEN,
                "تصريح عمل", 403, "Client.NoAgreement")));
        seq.put("other-person", node.append(exchange(T0.plusSeconds(120), "m-3", HEALTH, PERSON_BY_ID, "409999999",
                "فحص دوري", 200, null)));
        AuditRecord hop = exchange(T0.plusSeconds(1), "m-1", HEALTH, PERSON_BY_ID, CITIZEN, HEALTH_PURPOSE, 200, null);
        seq.put("health-provider-hop", node.append(new AuditRecord(hop.kind(), hop.at(), hop.node(), hop.messageId(),
                hop.correlationId(), hop.client(), hop.service(), hop.userId(), hop.purpose(), hop.issue(), hop.dataSubject(),
                hop.received(), hop.forwarded(), hop.answered(), hop.requestBytes(), hop.responseBytes(), hop.status(),
                hop.errorCode(), null, null, null, null, null, Map.of("hop", "provider"))));
        seq.put("admin", node.append(new AuditRecord(AuditRecord.Kind.ADMIN, T0.plusSeconds(180), AuditorTestNode.ORIGIN,
                null, null, "operator", "catalogue.reloaded", null, null, null, null, null, null, null, 0, 0, 0, null,
                null, null, null, null, null, Map.of("services", "+1"))));
        seq.put("labour-later", node.append(exchange(T0.plusSeconds(7200), "m-4", LABOUR, PERSON_BY_ID, CITIZEN,
                "تجديد تصريح عمل", 200, null)));
        for (int i = 0; i < 5; i++) {
            seq.put("bulk-" + i, node.append(exchange(T0.plusSeconds(300 + i), "m-bulk-" + i, HEALTH, PERSON_BY_ID,
                    "405555555", "متابعة", 200, null)));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void searchByNationalIdFindsThatPersonsExchangesOnlyWithArabicIntact() throws Exception {
        HttpResponse<byte[]> response = node.get("/audit/api/records?dataSubject=" + CITIZEN + "&order=oldest&kind=exchange");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = JSON.readTree(response.body());
        assertThat(seqs(body)).containsExactly(seq.get("health"), seq.get("labour-refused"), seq.get("health-provider-hop"),
                seq.get("labour-later"));
        assertThat(body.get("records").get(0).get("record").get("purpose").asText()).isEqualTo(HEALTH_PURPOSE);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).as("Arabic as UTF-8, not escapes").contains(HEALTH_PURPOSE);
        assertThat(body.get("next").isNull()).isTrue();
    }

    @Test
    void everyFilterNarrowsTheSearch() throws Exception {
        assertThat(search("client=" + LABOUR)).containsExactly(seq.get("labour-later"), seq.get("labour-refused"));
        assertThat(search("status=403")).containsExactly(seq.get("labour-refused"));
        assertThat(search("errorCode=Client.NoAgreement")).containsExactly(seq.get("labour-refused"));
        assertThat(search("kind=admin")).containsExactly(seq.get("admin"));
        assertThat(search("messageId=m-1&order=oldest")).containsExactly(seq.get("health"), seq.get("health-provider-hop"));
        assertThat(search("service=" + PERSON_BY_ID + "&dataSubject=409999999")).containsExactly(seq.get("other-person"));
        assertThat(search("userId=EE-user-1&kind=exchange")).hasSize(10);
        assertThat(search("kind=exchange&from=" + T0.plusSeconds(7000) + "&to=" + T0.plusSeconds(8000)))
                .as("appended-at is now, not the exchange's time: nothing in an old window").isEmpty();
        Instant now = Instant.now();
        assertThat(search("kind=exchange&from=" + now.minusSeconds(3600) + "&to=" + now.plusSeconds(3600))).hasSize(10);
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeats() throws Exception {
        List<Long> all = search("kind=exchange&order=oldest&limit=1000");
        assertThat(all).hasSize(10).isSorted();
        for (String order : List.of("oldest", "newest")) {
            List<Long> paged = new ArrayList<>();
            String after = "";
            int pages = 0;
            do {
                JsonNode page = JSON.readTree(node.get("/audit/api/records?kind=exchange&limit=3&order=" + order + after).body());
                assertThat(page.get("records").size()).isLessThanOrEqualTo(3);
                paged.addAll(seqs(page));
                after = page.get("next").isNull() ? null : "&after=" + page.get("next").asLong();
                pages++;
            } while (after != null && pages < 10);
            List<Long> expected = new ArrayList<>(all);
            if (order.equals("newest")) {
                Collections.reverse(expected);
            }
            assertThat(paged).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void badParametersAreRefusedNotIgnored() throws Exception {
        for (String query : List.of("from=yesterday", "limit=0", "limit=1001", "nationalid=" + CITIZEN, "kind=payments",
                "status=ok", "order=random", "client=a&client=b", "from=" + T0 + "&to=" + T0.minusSeconds(1))) {
            HttpResponse<byte[]> response = node.get("/audit/api/records?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("Client.InvalidRequest");
        }
    }

    @Test
    void aRecordComesWithAnInclusionProofThatVerifiesAgainstItsCheckpoint() throws Exception {
        long s = seq.get("labour-refused");
        JsonNode body = JSON.readTree(node.get("/audit/api/records/" + s).body());

        byte[] canonical = b64(body.get("canonical"));
        StoredRecord stored = node.log.store().read(s).orElseThrow();
        assertThat(canonical).isEqualTo(stored.canonical());
        assertThat(body.get("record").get("purpose").asText()).isEqualTo(AuditRecords.read(canonical).purpose()).isEqualTo("تصريح عمل");
        byte[] leaf = b64(body.get("leafHash"));
        assertThat(leaf).isEqualTo(MerkleHash.leaf(canonical));
        JsonNode checkpoint = body.get("checkpoint");
        long size = checkpoint.get("size").asLong();
        byte[] root = b64(checkpoint.get("root"));
        assertThat(size).isGreaterThan(s);
        assertThat(root).isEqualTo(node.log.tree().root(size));
        assertThat(checkpoint.get("time").asText()).isNotEmpty();
        assertThat(b64(checkpoint.get("signature"))).isNotEmpty();
        List<byte[]> proof = new ArrayList<>();
        body.get("proof").forEach(h -> proof.add(Base64.getDecoder().decode(h.asText())));
        assertThat(proof).isNotEmpty();
        assertThat(MerkleProofs.verifyInclusion(s, size, leaf, proof, root)).isTrue();
        assertThat(body.get("verifiedByNode").asBoolean()).isTrue();
        proof.get(0)[0] ^= 1;
        assertThat(MerkleProofs.verifyInclusion(s, size, leaf, proof, root)).as("a changed path fails").isFalse();

        assertThat(problem(node.get("/audit/api/records/999999"), 404)).isEqualTo("Client.NotFound");
        assertThat(problem(node.get("/audit/api/records/first"), 400)).isEqualTo("Client.InvalidRequest");
    }

    @Test
    void aMessagesStoryIsEveryRecordWithItsIdOldestFirst() throws Exception {
        JsonNode body = JSON.readTree(node.get("/audit/api/messages/m-1").body());

        assertThat(body.get("messageId").asText()).isEqualTo("m-1");
        assertThat(seqs(body)).containsExactly(seq.get("health"), seq.get("health-provider-hop"));
        assertThat(body.get("records").get(1).get("record").get("details").get("hop").asText()).isEqualTo("provider");
        assertThat(problem(node.get("/audit/api/messages/no-such-message"), 404)).isEqualTo("Client.NotFound");
    }

    @Test
    void checkpointsAndAConsistencyProofBetweenTwoTreeSizes() throws Exception {
        node.get("/audit/api/records/0");
        JsonNode checkpoints = JSON.readTree(node.get("/audit/api/checkpoints").body());
        assertThat(checkpoints.get("origin").asText()).isEqualTo(AuditorTestNode.ORIGIN);
        assertThat(checkpoints.get("checkpoints")).isNotEmpty();
        JsonNode first = checkpoints.get("checkpoints").get(0);
        assertThat(b64(first.get("root"))).isEqualTo(node.log.tree().root(first.get("size").asLong()));

        long second = node.log.size();
        JsonNode body = JSON.readTree(node.get("/audit/api/consistency?first=3&second=" + second).body());
        List<byte[]> proof = new ArrayList<>();
        body.get("proof").forEach(h -> proof.add(Base64.getDecoder().decode(h.asText())));
        byte[] firstRoot = b64(body.get("firstRoot"));
        byte[] secondRoot = b64(body.get("secondRoot"));
        assertThat(firstRoot).isEqualTo(node.log.tree().root(3));
        assertThat(secondRoot).isEqualTo(node.log.tree().root(second));
        assertThat(MerkleProofs.verifyConsistency(3, second, firstRoot, secondRoot, proof)).isTrue();
        assertThat(MerkleProofs.verifyConsistency(3, second, secondRoot, secondRoot, proof)).isFalse();

        assertThat(problem(node.get("/audit/api/consistency?first=5&second=4"), 400)).isEqualTo("Client.InvalidRequest");
        assertThat(problem(node.get("/audit/api/consistency?first=1"), 400)).isEqualTo("Client.InvalidRequest");
    }

    @Test
    void anExportIsAZipBundleOfTheRecordsAsStored() throws Exception {
        HttpResponse<byte[]> response = node.get("/audit/api/export?from=0&to=6");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"export-0-6.zip\"");
        Map<String, byte[]> zip = unzip(response.body());
        assertThat(zip).containsKeys("manifest.json", "records.jsonl");
        String[] lines = new String(zip.get("records.jsonl"), StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[0].getBytes(StandardCharsets.UTF_8)).isEqualTo(node.log.store().read(0).orElseThrow().canonical());
        Path bundle = Files.write(dir.resolve("export.zip"), response.body());
        VerificationReport report = BundleVerifier.verify(bundle, List.of(node.signer.certificate()));
        assertThat(report.problems()).isEmpty();
        assertThat(report.records()).isEqualTo(6);
        assertThat(problem(node.get("/audit/api/export?from=0&to=999999"), 400)).isEqualTo("Client.InvalidRequest");
    }

    @Test
    void aMessagesEvidenceIsAZipBundleOfItsRecords() throws Exception {
        HttpResponse<byte[]> response = node.get("/audit/api/messages/m-2/evidence");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        Map<String, byte[]> zip = unzip(response.body());
        assertThat(new String(zip.get("manifest.json"), StandardCharsets.UTF_8)).contains("evidence");
        assertThat(new String(zip.get("records.jsonl"), StandardCharsets.UTF_8)).contains("تصريح عمل");
        Path bundle = Files.write(dir.resolve("evidence.zip"), response.body());
        assertThat(BundleVerifier.verify(bundle, List.of(node.signer.certificate())).problems()).isEmpty();
        assertThat(problem(node.get("/audit/api/messages/no-such-message/evidence"), 404)).isEqualTo("Client.NotFound");
    }

    @Test
    void theCitizenReportNamesInstitutionsAndServicesInBothLanguages() throws Exception {
        HttpResponse<byte[]> response = node.get("/audit/api/data-subjects/" + CITIZEN + "/report",
                AuditorTestNode.DPO, AuditorTestNode.DPO_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("nationalId").asText()).isEqualTo(CITIZEN);
        JsonNode accesses = body.get("accesses");
        List<Long> seqs = new ArrayList<>();
        accesses.forEach(a -> seqs.add(a.get("seq").asLong()));
        assertThat(seqs).as("exchanges about the person only, newest first").containsExactly(seq.get("labour-later"),
                seq.get("health-provider-hop"), seq.get("labour-refused"), seq.get("health"));
        JsonNode refused = accesses.get(2);
        assertThat(refused.get("institution").get("id").asText()).isEqualTo(LABOUR);
        assertThat(refused.get("institution").get("name").get("ar").asText()).isEqualTo("وزارة العمل");
        assertThat(refused.get("institution").get("name").get("en").asText()).isEqualTo("Ministry of Labour");
        assertThat(refused.get("institution").get("system").get("ar").asText()).isEqualTo("سجل العمال");
        assertThat(refused.get("service").get("name").get("ar").asText()).isEqualTo("بيانات شخص");
        assertThat(refused.get("service").get("name").get("en").asText()).isEqualTo("Person by national ID");
        assertThat(refused.get("purpose").asText()).isEqualTo("تصريح عمل");
        assertThat(refused.get("outcome").asText()).isEqualTo("refused");
        assertThat(refused.get("errorCode").asText()).isEqualTo("Client.NoAgreement");
        assertThat(accesses.get(3).get("outcome").asText()).isEqualTo("answered");
        assertThat(accesses.get(3).get("at").asText()).isEqualTo(T0.minusMillis(20).toString());

        JsonNode nobody = JSON.readTree(node.get("/audit/api/data-subjects/400000001/report").body());
        assertThat(nobody.get("accesses")).isEmpty();
        String encoded = URLEncoder.encode("a\tb", StandardCharsets.UTF_8);
        assertThat(problem(node.get("/audit/api/data-subjects/" + encoded + "/report"), 400)).isEqualTo("Client.InvalidRequest");
    }

    private static List<Long> search(String query) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = node.get("/audit/api/records?" + query);
        assertThat(response.statusCode()).as(query).isEqualTo(200);
        return seqs(JSON.readTree(response.body()));
    }

    static List<Long> seqs(JsonNode body) {
        List<Long> seqs = new ArrayList<>();
        body.get("records").forEach(r -> seqs.add(r.get("seq").asLong()));
        return seqs;
    }

    static String problem(HttpResponse<byte[]> response, int status) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        return problem.get("code").asText();
    }

    private static byte[] b64(JsonNode node) {
        return Base64.getDecoder().decode(node.asText());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
