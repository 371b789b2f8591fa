package ps.takamul.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.core.catalogue.CatalogueException;
import ps.takamul.node.support.TestNodes;

/**
 * A node with a broken catalogue does not start, says which file, entry and problem, and
 * leaves nothing listening behind.
 */
class StartupValidationTest {
    @TempDir
    Path dir;

    private Map<String, String> settingsWith(String fileName, String yaml) throws Exception {
        Path catalogue = TestNodes.catalogue(dir);
        Files.writeString(catalogue.resolve(fileName), yaml);
        return TestNodes.settings(dir, catalogue, "http://127.0.0.1:1", "http://127.0.0.1:1/x", "http://127.0.0.1:1/x");
    }

    @Test
    void unknownConnectorTypeStopsStartUp() throws Exception {
        Map<String, String> settings = settingsWith("broken.yaml", """
                members:
                  - id: PS/GOV/BRK
                    name: { ar: جهة اختبار, en: Test member }
                    subsystems:
                      - code: legacy
                        name: { ar: نظام اختبار, en: Test subsystem }
                        services:
                          - code: lookup
                            name: { ar: خدمة اختبار, en: Test service }
                            description: { ar: خدمة للاختبار, en: A service for the test }
                            protocol: rest
                            connector: { type: ftp, url: "ftp://x" }
                """);
        assertThatThrownBy(() -> TestNodes.start(settings))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("broken.yaml")
                .hasMessageContaining("PS/GOV/BRK/legacy/lookup")
                .hasMessageContaining("no connector of type 'ftp'");
        assertPortFree(settings);
    }

    @Test
    void missingConnectorSettingStopsStartUp() throws Exception {
        Map<String, String> settings = settingsWith("broken.yaml", """
                members:
                  - id: PS/GOV/BRK
                    name: { ar: جهة اختبار, en: Test member }
                    subsystems:
                      - code: legacy
                        name: { ar: نظام اختبار, en: Test subsystem }
                        services:
                          - code: lookup
                            name: { ar: خدمة اختبار, en: Test service }
                            description: { ar: خدمة للاختبار, en: A service for the test }
                            protocol: soap
                            connector: { type: soap, soapAction: x, adress: "http://typo" }
                """);
        assertThatThrownBy(() -> TestNodes.start(settings))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("broken.yaml: service PS/GOV/BRK/legacy/lookup: connector.'address': required")
                .hasMessageContaining("'adress': unknown setting");
    }

    @Test
    void malformedYamlNamesFileAndLine() throws Exception {
        Map<String, String> settings = settingsWith("typo.yaml", """
                members:
                  - id: PS/GOV/TYP
                    subsystems:
                      - code: app
                        servces: []
                """);
        assertThatThrownBy(() -> TestNodes.start(settings))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("typo.yaml: line 5")
                .hasMessageContaining("servces");
    }

    @Test
    void anAgreementNamingAnUnknownConsumerOrServiceStopsStartUp() throws Exception {
        Map<String, String> settings = TestNodes.settings(dir, TestNodes.catalogue(dir), "http://127.0.0.1:1",
                "http://127.0.0.1:1/x", "http://127.0.0.1:1/x");
        Files.writeString(TestNodes.agreements(dir).resolve("nobody.yaml"), """
                agreements:
                  - id: NOBODY-1
                    consumer: PS/GOV/NOBODY/app
                    service: PS/GOV/MOI/civil-registry/person-by-id/v9
                    operations: ["GET /{id}"]
                    validFrom: 2026-01-01T00:00:00Z
                    approvedBy: test
                    approvedAt: 2026-01-01T00:00:00Z
                """);
        assertThatThrownBy(() -> TestNodes.start(settings))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("nobody.yaml: agreement NOBODY-1: consumer: PS/GOV/NOBODY/app is not a registered member or subsystem")
                .hasMessageContaining("nobody.yaml: agreement NOBODY-1: service: PS/GOV/MOI/civil-registry/person-by-id/v9 is not in the catalogue");
    }

    @Test
    void mediationEndpointWithoutARouteStopsStartUp() throws Exception {
        Map<String, String> settings = settingsWith("mediated.yaml", """
                members:
                  - id: PS/GOV/MED
                    name: { ar: جهة اختبار, en: Test member }
                    subsystems:
                      - code: app
                        name: { ar: نظام اختبار, en: Test subsystem }
                        services:
                          - code: lookup
                            name: { ar: خدمة اختبار, en: Test service }
                            description: { ar: خدمة للاختبار, en: A service for the test }
                            protocol: rest
                            connector: { type: http, url: "http://127.0.0.1:1" }
                            mediation: { request: "direct:no-such-route" }
                """);
        assertThatThrownBy(() -> TestNodes.start(settings))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("mediated.yaml: service PS/GOV/MED/app/lookup: mediation endpoint direct:no-such-route");
        assertPortFree(settings);
    }

    @Test
    void notificationOverSoapIsRefused() throws Exception {
        Map<String, String> settings = settingsWith("soapnote.yaml", """
                members:
                  - id: PS/GOV/SNT
                    name: { ar: جهة اختبار, en: Test member }
                    subsystems:
                      - code: app
                        name: { ar: نظام اختبار, en: Test subsystem }
                        services:
                          - code: notify
                            name: { ar: خدمة اختبار, en: Test service }
                            description: { ar: خدمة للاختبار, en: A service for the test }
                            protocol: soap
                            kind: notification
                            connector: { type: http, url: "http://127.0.0.1:1" }
                """);
        assertThatThrownBy(() -> TestNodes.start(settings))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("soapnote.yaml")
                .hasMessageContaining("notifications are offered over REST only");
    }

    private static void assertPortFree(Map<String, String> settings) throws Exception {
        int soapPort = Integer.parseInt(settings.get("takamul.soap.port"));
        try (ServerSocket socket = new ServerSocket(soapPort)) {
            assertThat(socket.isBound()).isTrue();
        }
    }
}
