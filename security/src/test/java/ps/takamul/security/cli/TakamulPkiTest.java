package ps.takamul.security.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.security.pki.MemberBinding;
import ps.takamul.security.pki.Pem;

/** The operator's whole sequence through the command line, as docs/security.md describes it. */
class TakamulPkiTest {
    private static final Map<String, String> ENV = Map.of(
            TakamulPki.CA_PASSWORD, "ca-secret", TakamulPki.KEY_PASSWORD, "key-secret");

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void setsUpAnInstanceIssuesRevokesAndPublishesACrl() throws Exception {
        assertThat(run("ca", "init", "--ca", ca(), "--instance", "PS", "--crl-url", "http://pki.gov.ps/issuing.crl")).isZero();
        assertThat(run("key", "new", "--profile", "member-signing", "--member", "PS/GOV/MOI", "--out", path("moi"))).isZero();
        assertThat(run("ca", "issue", "--ca", ca(), "--csr", path("moi/member-signing.csr.pem"),
                "--profile", "member-signing", "--member", "PS/GOV/MOI", "--out", path("moi/chain.pem"))).isZero();
        assertThat(run("key", "import", "--keystore", path("moi/member-signing.p12"), "--cert", path("moi/chain.pem"))).isZero();
        assertThat(run("key", "new", "--profile", "node-tls", "--node", "node1", "--dns", "node1.gov.ps",
                "--ip", "10.0.0.1", "--out", path("node"))).isZero();
        assertThat(run("ca", "issue", "--ca", ca(), "--csr", path("node/node-tls.csr.pem"), "--profile", "node-tls",
                "--dns", "node1.gov.ps,node1", "--out", path("node/chain.pem"))).isZero();

        X509Certificate member = Pem.readCertificates(dir.resolve("moi/chain.pem")).get(0);
        assertThat(MemberBinding.memberOf(member)).isEqualTo(MemberId.parse("PS/GOV/MOI"));
        String serial = member.getSerialNumber().toString(16);
        assertThat(run("ca", "revoke", "--ca", ca(), "--serial", serial, "--reason", "key-compromise")).isZero();
        assertThat(run("ca", "crl", "--ca", ca(), "--out", path("crl/issuing"))).isZero();

        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("crl/issuing.crl"))));
        assertThat(crl.isRevoked(member)).isTrue();
        assertThat(dir.resolve("crl/issuing.pem")).isRegularFile();

        assertThat(run("list", ca())).isZero();
        assertThat(out.toString()).contains("member-signing").contains("revoked").contains("node-tls")
                .contains("SERIALNUMBER=PS/GOV/MOI");
        assertThat(run("list", path("moi"))).isZero();
        assertThat(out.toString()).contains("member-signing.p12").contains("days left");
        assertThat(run("show", path("node/chain.pem"))).isZero();
        assertThat(out.toString()).contains("profile:  node-tls").contains("node1.gov.ps, node1")
                .contains("CN=PS Issuing CA,O=Takamul");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void refusedRequestsEndWithAClearErrorAndExitCodeOne() {
        run("ca", "init", "--ca", ca(), "--instance", "PS");
        run("key", "new", "--profile", "member-signing", "--member", "PS/GOV/MOI", "--out", path("moi"));

        int code = run("ca", "issue", "--ca", ca(), "--csr", path("moi/member-signing.csr.pem"),
                "--profile", "member-signing", "--member", "PS/GOV/MOH", "--out", path("moi/chain.pem"));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: the CSR asks for member PS/GOV/MOI");
        assertThat(dir.resolve("moi/chain.pem")).doesNotExist();
    }

    @Test
    void withoutPasswordVariableOrTerminalItSaysWhichVariableToSet() {
        int code = TakamulPki.commandLine(Map.<String, String>of()::get).setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err)).execute("ca", "init", "--ca", ca(), "--instance", "PS");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("set TAKAMUL_CA_PASSWORD");
        assertThat(dir.resolve("ca")).doesNotExist();
    }

    @Test
    void helpDocumentsThePasswordVariables() {
        CommandLine commandLine = TakamulPki.commandLine(ENV::get).setOut(new PrintWriter(out));

        assertThat(commandLine.execute("--help")).isZero();
        assertThat(out.toString()).contains("TAKAMUL_CA_PASSWORD").contains("TAKAMUL_KEY_PASSWORD")
                .contains("ca").contains("key").contains("list").contains("show");
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        return TakamulPki.commandLine(ENV::get).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }

    private String ca() {
        return path("ca");
    }

    private String path(String relative) {
        return dir.resolve(relative).toString();
    }
}
