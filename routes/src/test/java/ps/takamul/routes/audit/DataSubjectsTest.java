package ps.takamul.routes.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.core.agreement.AgreementLoader;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.catalogue.CatalogueLoader;
import ps.takamul.core.catalogue.ServiceDescription;

/** Finding whom a request is about, in each place a catalogue can say the national ID is. */
class DataSubjectsTest {
    @TempDir
    Path dir;

    @Test
    void eachDeclaredPlaceGivesTheNationalId() throws Exception {
        Catalogue catalogue = catalogue();
        assertThat(find(catalogue, "by-path", "GET", "/person/987654321", null, Map.of(), null)).isEqualTo("987654321");
        assertThat(find(catalogue, "by-query", "GET", "/", "x=1&nid=987654321", Map.of(), null)).isEqualTo("987654321");
        assertThat(find(catalogue, "by-header", "GET", "/", null, new org.apache.camel.util.CaseInsensitiveMap(Map.of("takamul-subject", "987654321")), null))
                .isEqualTo("987654321");
        assertThat(find(catalogue, "by-json", "POST", "/", null, Map.of(),
                "{\"payer\":{\"nationalId\":\"987654321\",\"nameAr\":\"سلمى\"}}")).isEqualTo("987654321");
        assertThat(find(catalogue, "by-xml", "SOAP", "", null, Map.of(),
                "<a:Req xmlns:a=\"urn:a\"><a:nationalId>987654321</a:nationalId></a:Req>")).isEqualTo("987654321");
    }

    @Test
    void anUnreadableOrMissingValueGivesNoneAndNeverFails() throws Exception {
        Catalogue catalogue = catalogue();
        assertThat(find(catalogue, "by-path", "GET", "/other/987654321", null, Map.of(), null)).isNull();
        assertThat(find(catalogue, "by-json", "POST", "/", null, Map.of(), "{broken")).isNull();
        assertThat(find(catalogue, "by-xml", "SOAP", "", null, Map.of(),
                "<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Req><nationalId>&e;</nationalId></Req>")).isNull();
        assertThat(find(catalogue, "by-query", "GET", "/", "nid=" + "9".repeat(100), Map.of(), null)).isNull();
    }

    private static String find(Catalogue catalogue, String code, String method, String path, String query,
                               Map<String, Object> headers, String body) {
        ServiceDescription service = catalogue.services().stream()
                .filter(s -> s.id().serviceCode().equals(code)).findFirst().orElseThrow();
        return DataSubjects.find(service, catalogue.agreements(), method, path, query, headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private Catalogue catalogue() throws Exception {
        Path catalogueDir = Files.createDirectories(dir.resolve("catalogue"));
        Files.writeString(catalogueDir.resolve("members.yaml"), """
                members:
                  - id: PS/GOV/MOI
                    name: { ar: وزارة الداخلية, en: Interior }
                    subsystems:
                      - code: registry
                        name: { ar: السجل, en: Registry }
                        services:
                          - { code: by-path, protocol: rest, name: { ar: مسار, en: Path }, description: { ar: مسار, en: Path }, dataSubject: { in: path, name: nationalId }, connector: { type: http, url: "http://127.0.0.1:1/" } }
                          - { code: by-query, protocol: rest, name: { ar: استعلام, en: Query }, description: { ar: استعلام, en: Query }, dataSubject: { in: query, name: nid }, connector: { type: http, url: "http://127.0.0.1:1/" } }
                          - { code: by-header, protocol: rest, name: { ar: ترويسة, en: Header }, description: { ar: ترويسة, en: Header }, dataSubject: { in: header, name: Takamul-Subject }, connector: { type: http, url: "http://127.0.0.1:1/" } }
                          - { code: by-json, protocol: rest, name: { ar: جسم, en: Json }, description: { ar: جسم, en: Json }, dataSubject: { in: json, pointer: /payer/nationalId }, connector: { type: http, url: "http://127.0.0.1:1/" } }
                          - { code: by-xml, protocol: soap, name: { ar: إكس إم إل, en: Xml }, description: { ar: إكس إم إل, en: Xml }, dataSubject: { in: xml, pointer: /Req/nationalId }, connector: { type: soap, address: "http://127.0.0.1:1/" } }
                  - id: PS/GOV/MOH
                    name: { ar: وزارة الصحة, en: Health }
                    subsystems:
                      - { code: records, name: { ar: السجلات, en: Records } }
                """);
        Path agreements = Files.createDirectories(dir.resolve("agreements"));
        Files.writeString(agreements.resolve("a.yaml"), """
                agreements:
                  - id: A-1
                    consumer: PS/GOV/MOH/records
                    service: PS/GOV/MOI/registry/by-path
                    operations: ["GET /person/{nationalId}"]
                    validFrom: 2020-01-01T00:00:00Z
                    approvedBy: test
                    approvedAt: 2020-01-01T00:00:00Z
                """);
        return new AgreementLoader().governing(new CatalogueLoader().load(catalogueDir), List.of(agreements));
    }
}
