package ps.takamul.routes.soap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static ps.takamul.routes.soap.security.TestPki.MOH;
import static ps.takamul.routes.soap.security.TestPki.MOI;
import static ps.takamul.routes.soap.security.WssTestNode.bytes;
import static ps.takamul.routes.soap.security.WssTestNode.envelope;
import static ps.takamul.routes.soap.security.WssTestNode.parse;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.security.pki.Pem;

/**
 * Takamul's WS-Security signatures checked by another implementation: xmlsec1 (libxmlsec1 with
 * OpenSSL, Debian package xmlsec1) verifies a signed response of the node and a request the
 * node signed on a member's behalf, with the signer's certificate only; a tampered copy fails.
 * The command is the one in docs/security.md.
 */
class WssXmlsec1Test {
    @TempDir
    static Path dir;
    private static TestPki pki;
    private static WssTestNode node;

    @BeforeAll
    static void start() throws Exception {
        pki = new TestPki(dir, MOH, MOI);
        TestTrust trust = new TestTrust(pki.root(), List.of(pki.issuing()), Map.of(MOI, pki.key(MOI), MOH, pki.key(MOH)),
                Duration.ofMinutes(2), Set.of(ps.takamul.core.identifier.ClientId.parse("PS/GOV/MOH/legacy-records")));
        node = new WssTestNode(dir, trust);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    /** {@code xmlsec1 --verify} as documented; the exit status and what it printed. */
    static Result xmlsec1(Path message, Path certificatePem) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("xmlsec1", "--verify",
                "--pubkey-cert-pem", certificatePem.toString(),
                "--id-attr:Id", "http://schemas.xmlsoap.org/soap/envelope/:Body",
                "--id-attr:Id", "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd:Timestamp",
                "--id-attr:Id", "http://x-road.eu/xsd/xroad.xsd:client",
                "--id-attr:Id", "http://x-road.eu/xsd/xroad.xsd:service",
                "--id-attr:Id", "http://x-road.eu/xsd/xroad.xsd:id",
                "--id-attr:Id", "http://x-road.eu/xsd/xroad.xsd:userId",
                "--id-attr:Id", "http://x-road.eu/xsd/xroad.xsd:issue",
                "--id-attr:Id", "http://x-road.eu/xsd/xroad.xsd:protocolVersion",
                "--id-attr:Id", "http://takamul.ps/xsd/takamul.xsd:purpose",
                message.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    record Result(int status, String output) {
    }

    @Test
    void xmlsec1VerifiesASignedResponseAndRefusesATamperedOne() throws Exception {
        byte[] request = bytes(new SoapSigner(pki.key(MOH)).sign(
                parse(envelope("PS/GOV/MOH/health-records", "moh-" + UUID.randomUUID(), "<cr:nationalId>987526233</cr:nationalId>"))));
        HttpResponse<byte[]> response = node.post(request);
        assertThat(response.statusCode()).isEqualTo(200);

        Path cert = dir.resolve("moi-signing.pem");
        Files.writeString(cert, Pem.encode(pki.key(MOI).certificate()));
        Path signed = Files.write(dir.resolve("response.xml"), response.body());

        Result ok = xmlsec1(signed, cert);
        assertThat(ok.status()).as(ok.output()).isZero();
        // Body, Timestamp, client, service, id, userId, protocolVersion.
        assertThat(ok.output()).startsWith("OK").contains("SignedInfo References (ok/all): 7/7");

        // Another member's certificate does not verify it.
        Path other = Files.writeString(dir.resolve("moh-signing.pem"), Pem.encode(pki.key(MOH).certificate()));
        assertThat(xmlsec1(signed, other).status()).isNotZero();

        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("987526233");
        Path tampered = Files.writeString(dir.resolve("tampered.xml"), text.replace("987526233", "987526234"));
        Result bad = xmlsec1(tampered, cert);
        assertThat(bad.status()).as(bad.output()).isNotZero();
        assertThat(bad.output()).contains("FAIL");
    }

    @Test
    void xmlsec1VerifiesTheRequestEvidenceTheNodeKeeps() throws Exception {
        node.received.clear();
        HttpResponse<byte[]> response = node.post(bytes(new SoapSigner(pki.key(MOH)).sign(
                parse(envelope("PS/GOV/MOH/health-records", "moh-" + UUID.randomUUID(), "<cr:nationalId>987526233</cr:nationalId>")))));
        assertThat(response.statusCode()).isEqualTo(200);
        byte[] evidence = (byte[]) node.received.poll().evidence();

        Path cert = Files.writeString(dir.resolve("moh-evidence.pem"), Pem.encode(pki.key(MOH).certificate()));
        Path file = Files.write(dir.resolve("evidence.xml"), evidence);
        Result ok = xmlsec1(file, cert);
        assertThat(ok.status()).as(ok.output()).isZero();

        String text = new String(evidence, StandardCharsets.UTF_8);
        Path tampered = Files.writeString(dir.resolve("evidence-tampered.xml"),
                text.replace("health-records", "legacy-records"));
        assertThat(xmlsec1(tampered, cert).status()).isNotZero();
    }
}
