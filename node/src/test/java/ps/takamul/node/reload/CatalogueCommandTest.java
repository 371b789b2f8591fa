package ps.takamul.node.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import ps.takamul.node.support.TestNodes;

/** {@code takamul catalogue check}: what an operator runs on a changed copy before a node picks it up. */
class CatalogueCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int check(String... args) {
        CommandLine command = CatalogueCommand.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "check";
        System.arraycopy(args, 0, all, 1, args.length);
        return command.execute(all);
    }

    @Test
    void theShippedCatalogueChecksOut() {
        int status = check("--catalogue", TestNodes.REPO.resolve("config/catalogue").toString(),
                "--agreements", TestNodes.REPO.resolve("config/agreements").toString(),
                "--config", dir.resolve("none.properties").toString());
        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("OK: ").contains(" services, ").contains(" agreements in ")
                .containsPattern("digest [0-9a-f]{64}");
    }

    @Test
    void everyProblemIsPrintedAndTheExitStatusIsOne() throws Exception {
        Path catalogue = TestNodes.catalogue(dir);
        Path agreements = Files.createDirectories(dir.resolve("agreements"));
        Path config = dir.resolve("takamul.properties");
        Files.writeString(config, "test.provider.url=http://127.0.0.1:1\ntest.closed.port=1\n"
                + "test.slow-registry.url=http://127.0.0.1:1/registry\n");
        Path moi = catalogue.resolve("moi.yaml");
        Files.writeString(moi, Files.readString(moi).replace("type: soap", "type: carrier-pigeon"));
        Files.writeString(agreements.resolve("broken.yaml"), """
                agreements:
                  - id: NOWHERE
                    consumer: PS/GOV/MOH/health-records
                    service: PS/GOV/MOI/civil-registry/no-such-service/v1
                    operations: ["GET /**"]
                    validFrom: 2020-01-01T00:00:00Z
                    approvedBy: test
                    approvedAt: 2020-01-01T00:00:00Z
                  - id: [unclosed
                """);

        int status = check("--catalogue", catalogue.toString(), "--agreements", agreements.toString(),
                "--config", config.toString());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("problem(s)").contains("broken.yaml").contains("line ");
        assertThat(out.toString()).isEmpty();

        Files.delete(agreements.resolve("broken.yaml"));
        err.getBuffer().setLength(0);
        status = check("--catalogue", catalogue.toString(), "--agreements", agreements.toString(),
                "--config", config.toString());
        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("moi.yaml").contains("connector.type").contains("carrier-pigeon")
                .doesNotContain("test-services.yaml");
    }
}
