package ps.takamul.core.catalogue;

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
              - id: PS/GOV/MOL
                subsystems:
                  - code: labour-registry
            """;

    /** One service entry that passes every check; tests copy it and break one thing. */
    static final String VALID_SERVICE = """
            code: person-by-id
            version: v1
            protocol: rest
            connector: { type: http, url: "http://registry.moi.local/person" }
            clients:
              - PS/GOV/MOH/health-records
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
                    subsystems:
                      - code: civil-registry
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
            return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
