package ps.takamul.security.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.security.tsa.TimestampAuthority;

/**
 * RFC 3161 time-stamps from Takamul's authority, checked with openssl alone: what a court's
 * expert would run on an evidence package, trusting only the instance's root certificate.
 */
class TimestampVerificationTest {
    private static final char[] PASSWORD = "tsa-secret".toCharArray();

    @TempDir
    Path dir;
    private TimestampAuthority tsa;

    @BeforeEach
    void setUp() throws Exception {
        OpenSsl.assumeAvailable();
        InstanceCa ca = InstanceCa.init(dir.resolve("ca"), "PS", Duration.ofDays(365), PASSWORD, null);
        KeyRequests.KeyRequest request = KeyRequests.create(Profile.TSA, Identity.node("hub-tsa", List.of(), List.of()),
                dir, PASSWORD);
        X509Certificate certificate = ca.issue(request.csr(), IssueRequest.of(Profile.TSA, Duration.ofDays(90)));
        KeyRequests.importChain(request.keystore(), List.of(certificate, ca.issuing()), PASSWORD);
        KeyStore store = Keystores.load(request.keystore(), PASSWORD);
        tsa = new TimestampAuthority(Keystores.privateKey(store, PASSWORD), Keystores.chain(store));
        Files.writeString(dir.resolve("record.txt"), "audit record سجل التدقيق 42", StandardCharsets.UTF_8);
    }

    private Path stamp(String data) throws Exception {
        assertThat(OpenSsl.run(dir, "ts", "-query", "-data", data, "-sha256", "-cert", "-out", "q.tsq").exitCode()).isZero();
        Path reply = dir.resolve("r.tsr");
        Files.write(reply, tsa.respond(Files.readAllBytes(dir.resolve("q.tsq"))));
        return reply;
    }

    @Test
    void openSslVerifiesTheTokenAgainstTheRootAlone() throws Exception {
        stamp("record.txt");
        OpenSsl.Result verified = OpenSsl.run(dir, "ts", "-verify", "-data", "record.txt", "-in", "r.tsr",
                "-CAfile", "ca/root-ca.pem", "-untrusted", "ca/issuing-ca.pem");
        assertThat(verified.output()).contains("Verification: OK");
        OpenSsl.Result shown = OpenSsl.run(dir, "ts", "-reply", "-in", "r.tsr", "-text");
        assertThat(shown.output()).contains("Status: Granted.").contains("Policy OID: 1.3.6.1.4.1.99999.1.4")
                .contains("Hash Algorithm: sha256");
    }

    @Test
    void aChangedRecordNoLongerMatchesItsToken() throws Exception {
        stamp("record.txt");
        Files.writeString(dir.resolve("record.txt"), "audit record سجل التدقيق 43", StandardCharsets.UTF_8);
        OpenSsl.Result verified = OpenSsl.run(dir, "ts", "-verify", "-data", "record.txt", "-in", "r.tsr",
                "-CAfile", "ca/root-ca.pem", "-untrusted", "ca/issuing-ca.pem");
        assertThat(verified.exitCode()).isNotZero();
        assertThat(verified.output()).doesNotContain("Verification: OK");
    }

    @Test
    void theTsaCertificateHasTheCriticalTimeStampingUsage() throws Exception {
        stamp("record.txt");
        assertThat(OpenSsl.run(dir, "ts", "-reply", "-in", "r.tsr", "-token_out", "-out", "token.der").exitCode()).isZero();
        OpenSsl.Result certs = OpenSsl.run(dir, "pkcs7", "-inform", "DER", "-in", "token.der", "-print_certs", "-text", "-noout");
        assertThat(certs.output()).contains("X509v3 Extended Key Usage: critical").contains("Time Stamping");
    }

    @Test
    void aMalformedQueryIsRejectedNotFailed() throws Exception {
        Files.write(dir.resolve("bad.tsr"), tsa.respond("not a query".getBytes(StandardCharsets.UTF_8)));
        OpenSsl.Result shown = OpenSsl.run(dir, "ts", "-reply", "-in", "bad.tsr", "-text");
        assertThat(shown.output()).contains("Status: Rejected");
    }
}
