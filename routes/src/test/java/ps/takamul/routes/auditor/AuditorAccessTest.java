package ps.takamul.routes.auditor;

import static org.assertj.core.api.Assertions.assertThat;
import static ps.takamul.routes.auditor.AuditorApiTest.JSON;
import static ps.takamul.routes.auditor.AuditorApiTest.problem;
import static ps.takamul.routes.auditor.AuditorTestNode.AUDITOR;
import static ps.takamul.routes.auditor.AuditorTestNode.AUDITOR_PASSWORD;
import static ps.takamul.routes.auditor.AuditorTestNode.DPO;
import static ps.takamul.routes.auditor.AuditorTestNode.DPO_PASSWORD;
import static ps.takamul.routes.auditor.AuditorTestNode.HEALTH;
import static ps.takamul.routes.auditor.AuditorTestNode.PERSON_BY_ID;
import static ps.takamul.routes.auditor.AuditorTestNode.exchange;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.audit.record.AuditRecord;

/**
 * Who may read, and that reading is on record: HTTP Basic with 401 and a challenge, roles with
 * 403, a LOG_READ record durable before each answer (none for a request without credentials or
 * with a method other than GET), and no answer at all while the log cannot record the reading.
 */
class AuditorAccessTest {
    static final String CITIZEN = "401234567";

    @TempDir
    Path dir;
    AuditorTestNode node;

    @BeforeEach
    void start() throws Exception {
        node = new AuditorTestNode(dir);
        node.append(exchange(Instant.parse("2026-03-01T08:00:00Z"), "m-1", HEALTH, PERSON_BY_ID, CITIZEN, "علاج", 200, null));
    }

    @AfterEach
    void stop() throws Exception {
        node.close();
    }

    /** A request, the endpoint template it is recorded under, and the parameters recorded with it. */
    record Read(String path, String template, Map<String, String> details) {
    }

    @Test
    void everyReadLeavesALogReadRecordBeforeItIsAnswered() throws Exception {
        List<Read> reads = List.of(
                new Read("/audit/api/records?dataSubject=" + CITIZEN + "&limit=5", "/audit/api/records",
                        Map.of("dataSubject", CITIZEN, "limit", "5")),
                new Read("/audit/api/records/0", "/audit/api/records/{seq}", Map.of("seq", "0")),
                new Read("/audit/api/messages/m-1", "/audit/api/messages/{messageId}", Map.of("messageId", "m-1")),
                new Read("/audit/api/checkpoints", "/audit/api/checkpoints", Map.of()),
                new Read("/audit/api/data-subjects/" + CITIZEN + "/report", "/audit/api/data-subjects/{nationalId}/report",
                        Map.of("nationalId", CITIZEN)),
                new Read("/audit/api/export?from=0&to=1", "/audit/api/export", Map.of("from", "0", "to", "1")),
                new Read("/audit?nationalId=" + CITIZEN + "&lang=en", "/audit", Map.of("nationalId", CITIZEN, "lang", "en")),
                new Read("/audit/records/0", "/audit/records/{seq}", Map.of("seq", "0")),
                new Read("/audit/report?nationalId=" + CITIZEN, "/audit/report", Map.of("nationalId", CITIZEN)));
        for (Read read : reads) {
            long before = node.log.size();
            HttpResponse<byte[]> response = node.get(read.path());
            assertThat(response.statusCode()).as(read.path()).isEqualTo(200);
            // No waiting: the record was durable before the answer left.
            assertThat(node.log.size()).as(read.path()).isEqualTo(before + 1);
            AuditRecord logged = node.log.store().read(before).orElseThrow().record();
            assertThat(logged.kind()).isEqualTo(AuditRecord.Kind.LOG_READ);
            assertThat(logged.client()).isEqualTo("auditor:" + AUDITOR);
            assertThat(logged.service()).isEqualTo(read.template());
            assertThat(logged.details()).as("what was asked, a national ID included").isEqualTo(read.details());
            assertThat(logged.status()).isEqualTo(200);
            assertThat(logged.responseBytes()).isEqualTo(response.body().length);
            assertThat(logged.node()).isEqualTo(AuditorTestNode.ORIGIN);
            assertThat(logged.messageId()).as("a reading is not part of the story it reads").isNull();
        }
    }

    @Test
    void withoutCredentialsA401ChallengeAndNoRecord() throws Exception {
        long before = node.log.size();
        for (String path : List.of("/audit/api/records", "/audit", "/audit/report")) {
            HttpResponse<byte[]> response = node.get(path, null, null);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("Basic realm=\"Takamul audit\""));
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("Client.Unauthenticated");
        }
        assertThat(problem(node.get("/audit/api/records", null, null), 401)).isEqualTo("Client.Unauthenticated");
        assertThat(node.log.size()).isEqualTo(before);
    }

    @Test
    void aWrongPasswordIsRefusedAndTheAttemptRecorded() throws Exception {
        long before = node.log.size();
        HttpResponse<byte[]> response = node.get("/audit/api/records?dataSubject=" + CITIZEN, AUDITOR, "guess");

        assertThat(problem(response, 401)).isEqualTo("Client.Unauthenticated");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("علاج");
        assertThat(node.log.size()).isEqualTo(before + 1);
        AuditRecord attempt = node.log.store().read(before).orElseThrow().record();
        assertThat(attempt.kind()).isEqualTo(AuditRecord.Kind.LOG_READ);
        assertThat(attempt.client()).isEqualTo("auditor:" + AUDITOR);
        assertThat(attempt.status()).isEqualTo(401);
        assertThat(attempt.errorCode()).isEqualTo("Client.Unauthenticated");
        assertThat(attempt.details()).as("nothing an unauthenticated caller wrote goes further than the name").isEmpty();
    }

    @Test
    void dataProtectionReadsTheCitizenReportOnly() throws Exception {
        assertThat(node.get("/audit/api/data-subjects/" + CITIZEN + "/report", DPO, DPO_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(node.get("/audit/report?nationalId=" + CITIZEN, DPO, DPO_PASSWORD).statusCode()).isEqualTo(200);

        for (String path : List.of("/audit/api/records", "/audit/api/records/0", "/audit/api/messages/m-1",
                "/audit/api/checkpoints", "/audit/api/consistency?first=1&second=1", "/audit/api/export",
                "/audit/api/messages/m-1/evidence")) {
            long before = node.log.size();
            assertThat(problem(node.get(path, DPO, DPO_PASSWORD), 403)).as(path).isEqualTo("Client.RoleForbidden");
            AuditRecord refused = node.log.store().read(before).orElseThrow().record();
            assertThat(refused.client()).isEqualTo("auditor:" + DPO);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.errorCode()).isEqualTo("Client.RoleForbidden");
        }
        HttpResponse<byte[]> page = node.get("/audit", DPO, DPO_PASSWORD);
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
    }

    @Test
    void onlyGetIsAllowed() throws Exception {
        long before = node.log.size();
        for (String method : List.of("POST", "DELETE", "PUT")) {
            HttpResponse<byte[]> response = node.send("/audit/api/records/0", method, AUDITOR, AUDITOR_PASSWORD);
            assertThat(problem(response, 405)).as(method).isEqualTo("Client.MethodNotAllowed");
            assertThat(response.headers().firstValue("Allow")).hasValue("GET");
        }
        assertThat(problem(node.send("/audit/api/records", "POST", AUDITOR, AUDITOR_PASSWORD), 405)).isEqualTo("Client.MethodNotAllowed");
        assertThat(node.log.size()).as("nothing was read").isEqualTo(before);
    }

    @Test
    void aLogThatCannotRecordTheReadingServesNothing() throws Exception {
        node.failAppends(true);
        Set<Path> bundlesBefore = bundles();

        HttpResponse<byte[]> export = node.get("/audit/api/export");
        assertThat(problem(export, 503)).isEqualTo("Server.AuditUnavailable");
        assertThat(bundles()).as("the bundle written for the refused answer is gone").isEqualTo(bundlesBefore);
        assertThat(node.log.available()).isFalse();

        HttpResponse<byte[]> response = node.get("/audit/api/records?dataSubject=" + CITIZEN);
        assertThat(problem(response, 503)).as("refused at the door now").isEqualTo("Server.AuditUnavailable");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("علاج").doesNotContain("m-1");
        HttpResponse<byte[]> page = node.get("/audit/report?nationalId=" + CITIZEN);
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("Server.AuditUnavailable").doesNotContain("علاج");
    }

    @Test
    void aReadWhoseRecordFailsIsWithheld() throws Exception {
        node.failAppends(true);

        HttpResponse<byte[]> response = node.get("/audit/api/records?dataSubject=" + CITIZEN);
        assertThat(problem(response, 503)).isEqualTo("Server.AuditUnavailable");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("علاج").doesNotContain("m-1");
    }

    private static Set<Path> bundles() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("takamul-audit-")).collect(Collectors.toSet());
        }
    }

    @Test
    void aClosedDatabaseIsUnavailableNotAnInternalError() throws Exception {
        node.log.store().close();

        assertThat(problem(node.get("/audit/api/records"), 503)).isEqualTo("Server.AuditUnavailable");
    }

    @Test
    void theProblemDocumentHasTheBusShape() throws Exception {
        var problem = JSON.readTree(node.get("/audit/api/records/77").body());

        assertThat(problem.get("type").asText()).isEqualTo("https://takamul.ps/errors/Client.NotFound");
        assertThat(problem.get("title").asText()).isNotEmpty();
        assertThat(problem.get("detail").asText()).contains("77");
    }
}
