package ps.takamul.node.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.core.audit.AdminAction;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.node.TakamulNode;
import ps.takamul.node.config.NodeSettings;
import ps.takamul.node.support.Http;
import ps.takamul.node.support.LogCapture;
import ps.takamul.node.support.TestNodes;
import ps.takamul.node.support.TestProvider;

/**
 * The catalogue and agreements change under a running node: changes take effect without a
 * restart and without failing a request in flight, an invalid change is rejected while the
 * catalogue in force keeps serving, and every attempt is audited.
 */
class CatalogueReloadTest {
    private static final String MOH = "PS/GOV/MOH/health-records";
    private static final String ECHO = "PS/GOV/TEST/provider/echo/v1";
    private static final String ECHO_TWO = "PS/GOV/TEST/provider/echo-two/v1";

    @TempDir
    Path dir;
    private TestProvider provider;
    private TestProvider second;
    private final RecordingAudit audit = new RecordingAudit();
    private TakamulNode node;
    private Path services;
    private Path agreements;

    @BeforeEach
    void start() throws Exception {
        start(Map.of());
    }

    private void start(Map<String, String> extra) throws Exception {
        if (node != null) {
            stop();
        }
        provider = new TestProvider();
        second = new TestProvider();
        Path catalogue = TestNodes.catalogue(dir);
        Map<String, String> settings = TestNodes.settings(dir, catalogue, provider.url(), "http://127.0.0.1:1/unused",
                "http://127.0.0.1:1/unused");
        settings.put("takamul.catalogue.reload.debounce", "100ms");
        settings.putAll(extra);
        services = catalogue.resolve("test-services.yaml");
        agreements = catalogue.resolveSibling("agreements").resolve("test-agreements.yaml");
        node = TakamulNode.start(NodeSettings.load(null, settings), audit);
    }

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        provider.close();
        second.close();
    }

    @Test
    void changesUnderLoadTakeEffectWithoutFailingARequest() throws Exception {
        String echoUrl = node.restBaseUrl() + "/" + ECHO;
        try (EchoLoad load = new EchoLoad(echoUrl, MOH, 8)) {
            load.awaitAnswered(200);

            String description = "Answers with the request as it came";
            for (int round = 1; round <= 3; round++) {
                int mark = audit.mark();
                String edited = "Answers as it came (edit " + round + ")";
                CatalogueEdits.replace(services, description, edited);
                description = edited;
                audit.awaitAfter(mark, CatalogueReloader.RELOADED, changed("services.changed", ECHO));
                load.awaitAnswered(100);

                mark = audit.mark();
                String operations = "[\"GET /**\", \"POST /**\"]";
                String agreement = CatalogueEdits.agreementEntry(CatalogueEdits.read(agreements), "TEST-SLOW");
                CatalogueEdits.replace(agreements, agreement, agreement.contains(operations)
                        ? agreement.replace(operations, "[\"GET /**\"]") : agreement.replace("[\"GET /**\"]", operations));
                audit.awaitAfter(mark, CatalogueReloader.RELOADED, changed("agreements.changed", "TEST-SLOW"));
                load.awaitAnswered(100);
            }

            // The connector's timeout: a new connector switched in under the running routes.
            int mark = audit.mark();
            CatalogueEdits.replace(services, "timeout: 3s", "timeout: 4s");
            audit.awaitAfter(mark, CatalogueReloader.RELOADED, changed("services.changed", ECHO));
            load.awaitAnswered(200);

            // The number of consumers: the routes themselves are replaced, twice.
            mark = audit.mark();
            String echo = CatalogueEdits.serviceEntry(CatalogueEdits.read(services), "echo");
            CatalogueEdits.replace(services, echo, echo.replace("            version: v1\n",
                    "            version: v1\n            consumers: 2\n"));
            audit.awaitAfter(mark, CatalogueReloader.RELOADED, changed("services.changed", ECHO));
            load.awaitAnswered(200);
            mark = audit.mark();
            CatalogueEdits.replace(services, "consumers: 2\n", "consumers: 3\n");
            audit.awaitAfter(mark, CatalogueReloader.RELOADED, changed("services.changed", ECHO));
            load.awaitAnswered(200);

            // The connector's address: requests from now on reach the second provider.
            mark = audit.mark();
            CatalogueEdits.replace(services, "url: \"{{test.provider.url}}/echo\"", "url: \"" + second.url() + "/echo\"");
            audit.awaitAfter(mark, CatalogueReloader.RELOADED, changed("services.changed", ECHO));
            String marker = "/echo/after-" + UUID.randomUUID();
            assertThat(Http.send(Http.post(echoUrl + marker.substring("/echo".length()), MOH, "text/plain", new byte[0]))
                    .statusCode()).isEqualTo(200);
            Await.until("the second provider receives the request sent after the reload", Duration.ofSeconds(20),
                    () -> nextEchoPath(second).equals(marker));
            load.awaitAnswered(200);

            load.close();
            System.out.printf("CatalogueReloadTest: %d requests answered during the reloads, %d failed%n",
                    load.answered(), load.failures().size());
            assertThat(load.failures()).as("requests failed during the reloads").isEmpty();
        }
        assertThat(audit.all()).allMatch(a -> a.actor().equals("node"))
                .noneMatch(a -> a.action().equals(CatalogueReloader.REJECTED));
    }

    @Test
    void anInvalidChangeIsRejectedAndTheCatalogueInForceKeepsServing() throws Exception {
        String original = CatalogueEdits.read(services);
        try (LogCapture log = new LogCapture("takamul.catalogue")) {
            int mark = audit.mark();
            CatalogueEdits.append(services, "          - code: [unclosed\n");
            AdminAction rejected = audit.awaitAfter(mark, CatalogueReloader.REJECTED, a -> true);
            assertThat(rejected.details().get("problem.1")).contains("test-services.yaml").contains("line ");
            assertThat(rejected.details()).containsKey("sha256 " + services);
            assertThat(log.lines()).anyMatch(l -> l.contains("rejected") && l.contains("test-services.yaml") && l.contains("line "));
            assertEchoAnswers();

            mark = audit.mark();
            CatalogueEdits.write(services, original.replace("timeout: 3s", "timeout: 4s"));
            audit.awaitAfter(mark, CatalogueReloader.RELOADED, changed("services.changed", ECHO));
            assertEchoAnswers();

            mark = audit.mark();
            CatalogueEdits.append(agreements, agreement("TEST-NOWHERE", "PS/GOV/TEST/provider/no-such-service/v1"));
            rejected = audit.awaitAfter(mark, CatalogueReloader.REJECTED, a -> true);
            assertThat(rejected.details().values()).anyMatch(p -> p.contains("test-agreements.yaml")
                    && p.contains("TEST-NOWHERE") && p.contains("no-such-service"));
            assertThat(log.lines()).anyMatch(l -> l.contains("test-agreements.yaml") && l.contains("TEST-NOWHERE"));
            assertEchoAnswers();
            assertThat(jmx("LastRejection")).contains("TEST-NOWHERE");

            mark = audit.mark();
            CatalogueEdits.replace(agreements, "no-such-service", "echo");
            AdminAction reloaded = audit.awaitAfter(mark, CatalogueReloader.RELOADED, a -> true);
            assertThat(reloaded.details()).containsEntry("agreements.added", "TEST-NOWHERE");
            assertThat(jmx("LastRejection")).isEmpty();
        }
    }

    @Test
    void removingAnAgreementRefusesTheNextRequestAndAddingItBackServesAgain() throws Exception {
        assertEchoAnswers();
        String original = CatalogueEdits.read(agreements);
        int mark = audit.mark();
        CatalogueEdits.replace(agreements, CatalogueEdits.agreementEntry(original, "TEST-ECHO-MOH"), "");
        audit.awaitAfter(mark, CatalogueReloader.RELOADED, changed("agreements.removed", "TEST-ECHO-MOH"));
        assertRefused(ECHO, 403, "Client.NoAgreement");

        mark = audit.mark();
        CatalogueEdits.write(agreements, original);
        audit.awaitAfter(mark, CatalogueReloader.RELOADED, changed("agreements.added", "TEST-ECHO-MOH"));
        assertEchoAnswers();
    }

    @Test
    void aNewServiceIsCallableWithoutARestartAndARemovedOneIsUnknown() throws Exception {
        String originalServices = CatalogueEdits.read(services);
        String originalAgreements = CatalogueEdits.read(agreements);
        String echo = CatalogueEdits.serviceEntry(originalServices, "echo");
        int mark = audit.mark();
        CatalogueEdits.replace(services, echo, echo + echo.replace("- code: echo\n", "- code: echo-two\n"));
        audit.awaitAfter(mark, CatalogueReloader.RELOADED, changed("services.added", ECHO_TWO));
        mark = audit.mark();
        CatalogueEdits.append(agreements, agreement("TEST-ECHO-TWO", ECHO_TWO));
        audit.awaitAfter(mark, CatalogueReloader.RELOADED, changed("agreements.added", "TEST-ECHO-TWO"));

        HttpResponse<byte[]> answer = Http.send(Http.post(node.restBaseUrl() + "/" + ECHO_TWO, MOH,
                "text/plain; charset=UTF-8", "مرحبا".getBytes(StandardCharsets.UTF_8)));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Http.text(answer)).isEqualTo("مرحبا");

        mark = audit.mark();
        CatalogueEdits.write(agreements, originalAgreements);
        audit.awaitAfter(mark, CatalogueReloader.RELOADED, changed("agreements.removed", "TEST-ECHO-TWO"));
        mark = audit.mark();
        CatalogueEdits.write(services, originalServices);
        audit.awaitAfter(mark, CatalogueReloader.RELOADED, changed("services.removed", ECHO_TWO));
        assertRefused(ECHO_TWO, 404, "Client.UnknownService");
        assertThat(node.camel().getRoutes()).noneMatch(r -> r.getRouteId().endsWith(ECHO_TWO));
        assertThat(node.camel().getRoute("provider-query:" + ECHO)).isNotNull();
    }

    @Test
    void withTheWatcherOffTheOperatorReloadsOverJmx() throws Exception {
        start(Map.of("takamul.catalogue.reload", "false"));
        String digest = jmx("Digest");
        String loadedAt = jmx("LoadedAt");
        CatalogueEdits.replace(services, "timeout: 3s", "timeout: 4s");

        String summary = (String) server().invoke(LiveCatalogue.objectName("test-node"), "reload", null, null);
        assertThat(summary).startsWith("reloaded").contains("services.changed: " + ECHO);
        assertThat(jmx("Digest")).isNotEqualTo(digest).hasSize(64);
        assertThat(jmx("LoadedAt")).isNotEqualTo(loadedAt);
        assertThat(audit.all()).singleElement().satisfies(a -> {
            assertThat(a.actor()).isEqualTo("jmx");
            assertThat(a.action()).isEqualTo(CatalogueReloader.RELOADED);
        });
        assertThat(node.catalogue().get().service(ServiceId.parse(ECHO)).orElseThrow().timeout()).hasSeconds(4);
        assertEchoAnswers();

        assertThat((String) server().invoke(LiveCatalogue.objectName("test-node"), "reload", null, null))
                .startsWith("unchanged");
        assertThat(audit.all()).hasSize(1);
    }

    private static Predicate<AdminAction> changed(String what, String id) {
        return a -> a.details().getOrDefault(what, "").contains(id);
    }

    private static String agreement(String id, String service) {
        return """
                  - id: %s
                    consumer: PS/GOV/MOH/health-records
                    service: %s
                    operations: ["POST /**"]
                    validFrom: 2020-01-01T00:00:00Z
                    approvedBy: test
                    approvedAt: 2020-01-01T00:00:00Z
                """.formatted(id, service);
    }

    private void assertEchoAnswers() throws Exception {
        HttpResponse<byte[]> answer = Http.send(Http.post(node.restBaseUrl() + "/" + ECHO, MOH, "text/plain", "hello".getBytes()));
        assertThat(answer.statusCode()).as(Http.text(answer)).isEqualTo(200);
        assertThat(Http.text(answer)).isEqualTo("hello");
    }

    private void assertRefused(String service, int status, String code) throws Exception {
        HttpResponse<byte[]> answer = Http.send(Http.post(node.restBaseUrl() + "/" + service, MOH, "text/plain", "hello".getBytes()));
        assertThat(answer.statusCode()).as(Http.text(answer)).isEqualTo(status);
        assertThat(answer.headers().firstValue("X-Road-Error")).hasValue(code);
    }

    private static String nextEchoPath(TestProvider provider) {
        try {
            return provider.nextEcho().path();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static MBeanServer server() {
        return ManagementFactory.getPlatformMBeanServer();
    }

    private static String jmx(String attribute) throws Exception {
        ObjectName name = LiveCatalogue.objectName("test-node");
        return (String) server().getAttribute(name, attribute);
    }
}
