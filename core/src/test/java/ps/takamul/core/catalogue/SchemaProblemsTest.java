package ps.takamul.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static ps.takamul.core.catalogue.CatalogueFiles.VALID_SERVICE;
import static ps.takamul.core.catalogue.CatalogueFiles.lineOf;
import static ps.takamul.core.catalogue.CatalogueFiles.moi;
import static ps.takamul.core.catalogue.CatalogueFiles.write;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.core.agreement.AgreementLoader;

/**
 * Schema problems name the file, the line and the field, for catalogue and agreement files alike,
 * and every problem of every file is reported at once.
 */
class SchemaProblemsTest {
    @TempDir
    Path folder;

    private static List<String> problems(Runnable load) {
        CatalogueException e = catchThrowableOfType(CatalogueException.class, load::run);
        assertThat(e).as("the files must be refused").isNotNull();
        return e.problems();
    }

    @Test
    void aProblemDeepInAFileNamesItsLineAndFullPath() {
        String content = moi(VALID_SERVICE, VALID_SERVICE.replace("v1", "v2") + """
                sla:
                  expectedLatency: 300ms
                  timeout: 5 seconds
                """);
        write(folder, "moi.yaml", content);

        assertThat(problems(() -> new CatalogueLoader().load(folder))).containsExactly("moi.yaml: line "
                + lineOf(content, "5 seconds") + ": members[0].subsystems[0].services[1].sla.timeout: "
                + "must be a duration such as 500ms, 5s or 2m");
    }

    @Test
    void everyFileIsCheckedAndEveryProblemReported() {
        write(folder, "a.yaml", moi(VALID_SERVICE + "bodyLogging: all\nconsumers: 0\n"));
        write(folder, "b.yaml", "member:\n  - id: PS/GOV/MOH\n");
        write(folder, "c.yaml", "members: PS/GOV/MOL\n");

        assertThat(problems(() -> new CatalogueLoader().load(folder))).containsExactly(
                "a.yaml: line 14: members[0].subsystems[0].services[0].bodyLogging: 'all' is not one of [none, metadata, full]",
                "a.yaml: line 15: members[0].subsystems[0].services[0].consumers: must be between 1 and 500",
                "b.yaml: line 1: member: unknown key (misspelt, or not allowed here)",
                "c.yaml: line 1: members: string found, array expected");
    }

    @Test
    void aFileThatIsNotAMapIsNamed() {
        write(folder, "moi.yaml", "- PS/GOV/MOI\n");

        assertThat(problems(() -> new CatalogueLoader().load(folder)))
                .containsExactly("moi.yaml: line 1: (top level): array found, object expected");
    }

    // ---------------------------------------------------------------- agreement files

    private static final String AGREEMENT = """
            agreements:
              - id: MOI-MOH-1
                consumer: PS/GOV/MOH/health-records
                service: PS/GOV/MOI/civil-registry/person-by-id/v1
                operations: ["GET /{nationalId}"]
                rateLimit: 20 per 1s
                validFrom: 2026-01-01T00:00:00Z
                approvedBy: لجنة حوكمة البيانات
                approvedAt: 2025-12-15T09:00:00Z
            """;

    @Test
    void aValidAgreementFilePassesTheSchema() {
        write(folder, "moi.yaml", AGREEMENT + "groups:\n  ministries: [PS/GOV/MOH, PS/GOV/MOL/labour-registry]\n");

        assertThat(new AgreementLoader().load(folder).all()).singleElement()
                .satisfies(a -> assertThat(a.rateLimit().requests()).isEqualTo(20));
    }

    @Test
    void agreementSchemaProblemsNameFileLineAndField() {
        String content = AGREEMENT.replace("rateLimit: 20 per 1s", "rateLimit: 20 a second\n    quota: lots")
                .replace("    approvedBy: لجنة حوكمة البيانات\n", "")
                + "  - id: MOI-MOL-1\n    operations: []\n    purposes: work-permit\n";
        write(folder, "moi.yaml", content);

        assertThat(problems(() -> new AgreementLoader().load(folder))).containsExactly(
                "moi.yaml: line 2: agreements[0].approvedBy: is required",
                "moi.yaml: line 6: agreements[0].rateLimit: must be N per DURATION, such as 20 per 1s or 10000 per 1d",
                "moi.yaml: line 7: agreements[0].quota: must be N per DURATION, such as 20 per 1s or 10000 per 1d",
                "moi.yaml: line 10: agreements[1].approvedAt: is required",
                "moi.yaml: line 10: agreements[1].approvedBy: is required",
                "moi.yaml: line 10: agreements[1].consumer: is required",
                "moi.yaml: line 10: agreements[1].service: is required",
                "moi.yaml: line 10: agreements[1].validFrom: is required",
                "moi.yaml: line 11: agreements[1].operations: must have at least 1 items but found 0",
                "moi.yaml: line 12: agreements[1].purposes: string found, array expected");
    }

    @Test
    void anUnknownAgreementKeyComesFirstWithItsLine() {
        String content = AGREEMENT.replace("consumer:", "consumr:");
        write(folder, "moi.yaml", content);

        assertThat(problems(() -> new AgreementLoader().load(folder))).containsExactly(
                "moi.yaml: line 3: agreements[0].consumr: unknown key (misspelt, or not allowed here)",
                "moi.yaml: line 2: agreements[0].consumer: is required");
    }

    @Test
    void groupsAreListsOfMembers() {
        write(folder, "groups.yaml", "groups:\n  ministries: PS/GOV/MOH\n");

        assertThat(problems(() -> new AgreementLoader().load(folder)))
                .containsExactly("groups.yaml: line 2: groups.ministries: string found, array expected");
    }
}
