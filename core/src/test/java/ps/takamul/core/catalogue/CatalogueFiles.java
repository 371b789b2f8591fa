package ps.takamul.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes small catalogue files for the tests. */
final class CatalogueFiles {

    /** A consumer-only member file: MOH with two subsystems, MOL with one. */
    static final String CLIENTS = """
            # Consumers only: no services.
            members:
              - id: PS/GOV/MOH
                name: { ar: وزارة الصحة, en: Ministry of Health }
                subsystems:
                  - code: health-records
                    name: { ar: السجلات الصحية, en: Health records }
                  - code: pharmacy
                    name: { ar: الصيدلية, en: Pharmacy }
              - id: PS/GOV/MOL
                name: { ar: وزارة العمل, en: Ministry of Labour }
                subsystems:
                  - code: labour-registry
                    name: { ar: سجل العمال, en: Labour registry }
            """;

    /** One service entry that passes every check; tests copy it and break one thing. */
    static final String VALID_SERVICE = """
            code: person-by-id
            version: v1
            protocol: rest
            name: { ar: بيانات شخص, en: Person }
            description: { ar: بيانات شخص حسب رقم الهوية, en: Person by national ID }
            connector: { type: http, url: "http://registry.moi.local/person" }
            """;

    /** The same, offered over SOAP. */
    static final String VALID_SOAP_SERVICE = VALID_SERVICE.replace("protocol: rest", "protocol: soap")
            .replace("code: person-by-id", "code: PersonByNationalId");

    /** A minimal OpenAPI 3 document. */
    static final String OPENAPI = """
            openapi: 3.0.3
            info: { title: Person by national ID, version: v1 }
            paths:
              /{nationalId}:
                get:
                  responses: { "200": { description: the person } }
            """;

    /** A minimal WSDL 1.1 document. */
    static final String WSDL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
                              targetNamespace="http://takamul.ps/examples/civil-registry/v1">
              <wsdl:portType name="CivilRegistry"/>
            </wsdl:definitions>
            """;

    private CatalogueFiles() {
    }

    /**
     * A file declaring member PS/GOV/MOI with subsystem civil-registry offering the given
     * services, each written as unindented YAML lines of one service entry.
     */
    static String moi(String... services) {
        StringBuilder sb = new StringBuilder("""
                members:
                  - id: PS/GOV/MOI
                    name: { ar: وزارة الداخلية, en: Ministry of Interior }
                    subsystems:
                      - code: civil-registry
                        name: { ar: السجل المدني, en: Civil registry }
                        services:
                """);
        for (String service : services) {
            List<String> lines = service.strip().lines().toList();
            sb.append("          - ").append(lines.get(0)).append('\n');
            for (String line : lines.subList(1, lines.size())) {
                sb.append("            ").append(line).append('\n');
            }
        }
        return sb.toString();
    }

    static Path write(Path folder, String name, String content) {
        try {
            Files.createDirectories(folder.resolve(name).getParent());
            return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the content as {@code moi.yaml} in the folder, loads the folder, and returns the one
     * problem found, which must name the line holding {@code lineWith}, without its file and line.
     */
    static String onlyProblem(Path folder, String content, String lineWith) {
        write(folder, "moi.yaml", content);
        CatalogueException e = catchThrowableOfType(CatalogueException.class, () -> new CatalogueLoader().load(folder));
        assertThat(e).as("the catalogue must be refused").isNotNull();
        String prefix = "moi.yaml: line " + lineOf(content, lineWith) + ": ";
        assertThat(e.problems()).singleElement().asString().startsWith(prefix);
        return e.problems().get(0).substring(prefix.length());
    }

    /** The 1-based number of the first line of {@code content} that contains {@code text}. */
    static int lineOf(String content, String text) {
        List<String> lines = content.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("'" + text + "' is not in the test file");
    }
}
