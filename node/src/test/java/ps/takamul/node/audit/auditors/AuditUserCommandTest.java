package ps.takamul.node.audit.auditors;

import static org.assertj.core.api.Assertions.assertThat;
import static ps.takamul.node.audit.auditors.AuditorsTest.basic;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import ps.takamul.routes.auditor.Auditor;
import ps.takamul.routes.auditor.AuditorRole;

/** {@code takamul audit user add|remove|list}: the file it writes is the one a node authenticates against. */
class AuditUserCommandTest {
    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @Test
    void addWithAPasswordFromStandardInput() {
        Path file = dir.resolve("auditors.properties");

        int exit = run("سر المسؤول\n", "add", "dpo-1", "--role", "data-protection", "--password-stdin",
                "--file", file.toString(), "--iterations", "1000");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("dpo-1 (data-protection)").doesNotContain("سر المسؤول");
        assertThat(Auditors.load(file).authenticate(basic("dpo-1", "سر المسؤول")))
                .contains(new Auditor("dpo-1", AuditorRole.DATA_PROTECTION));
    }

    @Test
    void addWithoutAPasswordGeneratesOneAndPrintsItOnce() {
        Path file = dir.resolve("auditors.properties");

        assertThat(run("", "add", "ali", "--role", "auditor", "--file", file.toString(), "--iterations", "1000")).isZero();

        Matcher printed = Pattern.compile("password: (\\S+)").matcher(out.toString());
        assertThat(printed.find()).isTrue();
        assertThat(Auditors.load(file).authenticate(basic("ali", printed.group(1)))).contains(new Auditor("ali", AuditorRole.AUDITOR));
    }

    @Test
    void theDefaultFileIsUnderTheConfiguredDataFolder() throws Exception {
        Path data = dir.resolve("data");
        Path config = dir.resolve("takamul.properties");
        Files.writeString(config, "takamul.data.dir=" + data + "\n");

        assertThat(run("pw\n", "add", "ali", "--role", "auditor", "--password-stdin", "--config", config.toString(),
                "--iterations", "1000")).isZero();

        assertThat(data.resolve("audit").resolve("auditors.properties")).exists();
        assertThat(run("", "list", "--config", config.toString())).isZero();
        assertThat(out.toString()).contains("ali auditor");
        assertThat(run("", "remove", "ali", "--config", config.toString())).isZero();
        assertThat(Auditors.load(data.resolve("audit").resolve("auditors.properties")).roles()).isEmpty();
        assertThat(run("", "remove", "ali", "--config", config.toString())).isEqualTo(1);
    }

    @Test
    void theNodesUsersSettingNamesTheFile() throws Exception {
        Path users = dir.resolve("elsewhere").resolve("users.properties");
        Path config = dir.resolve("takamul.properties");
        Files.writeString(config, "takamul.data.dir=" + dir.resolve("data") + "\ntakamul.audit.users=" + users + "\n");

        assertThat(run("pw\n", "add", "ali", "--role", "auditor", "--password-stdin", "--config", config.toString(),
                "--iterations", "1000")).isZero();

        assertThat(Auditors.load(users).roles()).containsOnlyKeys("ali");
    }

    @Test
    void anUnknownRoleOrABadNameIsAUsageError() {
        Path file = dir.resolve("auditors.properties");

        assertThat(run("", "add", "ali", "--role", "root", "--file", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("auditor or data-protection");
        assertThat(run("", "add", "ali:x", "--role", "auditor", "--file", file.toString())).isEqualTo(2);
        assertThat(run("", "add", "ali", "--role", "auditor", "--password-stdin", "--file", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no password");
        assertThat(file).doesNotExist();
    }

    private int run(String stdin, String... args) {
        CommandLine command = AuditUserCommand.commandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
