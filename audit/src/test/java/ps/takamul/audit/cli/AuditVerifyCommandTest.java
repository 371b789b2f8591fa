package ps.takamul.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import ps.takamul.audit.bundle.TestLog;
import ps.takamul.audit.checkpoint.TestAuthorities;
import ps.takamul.security.pki.Pem;

/** {@code takamul audit verify} as an auditor runs it: the summary line, the problems, the exit status. */
class AuditVerifyCommandTest {
    @TempDir
    static Path dir;
    static TestLog log;
    static Path bundle;
    static Path anchors;

    @BeforeAll
    static void anExport() throws Exception {
        TestAuthorities authorities = TestAuthorities.create(dir);
        log = TestLog.create(dir, authorities).append(0, 600, 300);
        bundle = log.export(dir, "export.zip", 0, 600);
        anchors = Files.writeString(dir.resolve("anchors.pem"), Pem.encode(authorities.anchors().toArray()));
    }

    @AfterAll
    static void close() {
        log.close();
    }

    record Run(int status, List<String> out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = AuditVerifyCommand.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int status = command.execute(args);
        return new Run(status, out.toString().lines().toList(), err.toString());
    }

    @Test
    void aGoodBundleIsOkWithItsRate() {
        Run run = run(bundle.toString(), "--trust", anchors.toString());
        assertThat(run.status).isZero();
        assertThat(run.out.get(0)).matches(
                "OK: 600 records, 2 checkpoints, signatures and timestamps verified \\([\\d,]+ records/s\\)");
        assertThat(run.out).contains("note: checkpoint certificate CN=Takamul audit checkpoints test-node,O=Takamul test"
                + " chains to a trust anchor");
        assertThat(run(bundle.toString(), "--quiet").out).hasSize(1);
    }

    @Test
    void problemsFollowTheFailedLineAndTheStatusIsOne() throws Exception {
        byte[] zip = Files.readAllBytes(bundle);
        Path cut = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(zip, zip.length - 100));
        Run run = run(cut.toString());
        assertThat(run.status).isEqualTo(1);
        assertThat(run.out.get(0)).isEqualTo("FAILED: 1 problem");
        assertThat(run.out.get(1)).startsWith("cut.zip is not a readable zip file");
    }

    @Test
    void usageErrorsAreStatusTwo() throws Exception {
        assertThat(run().status).isEqualTo(2);
        assertThat(run("--no-such-option", bundle.toString()).status).isEqualTo(2);
        Path notPem = Files.writeString(dir.resolve("not.pem"), "not a certificate\n");
        Run badTrust = run(bundle.toString(), "--trust", notPem.toString());
        assertThat(badTrust.status).isEqualTo(2);
        assertThat(badTrust.err).contains("error: no CERTIFICATE found");
    }
}
