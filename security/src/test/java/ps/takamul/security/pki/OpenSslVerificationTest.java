package ps.takamul.security.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.core.identifier.SubsystemId;

/** What a person with only openssl sees in our certificates, CRLs and keystores. */
class OpenSslVerificationTest {
    private static final char[] CA_PASSWORD = "ca-secret".toCharArray();
    private static final char[] KEY_PASSWORD = "key-secret".toCharArray();
    private static final Duration YEAR = Duration.ofDays(365);

    @TempDir
    Path dir;
    private InstanceCa ca;

    @BeforeEach
    void createCa() {
        OpenSsl.assumeAvailable();
        ca = InstanceCa.init(dir.resolve("ca"), "PS", Duration.ofDays(3650), CA_PASSWORD, "http://pki.gov.ps/issuing.crl");
    }

    @Test
    void chainVerifiesAndExtensionsReadAsIntended() throws Exception {
        Path leaf = issue(Profile.MEMBER_SIGNING, Identity.member(TestCsrs.MOI), "moi");

        assertThat(verify(leaf).output()).contains(leaf + ": OK");
        String text = text(leaf);
        assertThat(text).contains("Subject: O = GOV, CN = MOI, serialNumber = PS/GOV/MOI")
                .contains("X509v3 Key Usage: critical\n                Digital Signature, Non Repudiation")
                .contains("URI:urn:takamul:member:PS/GOV/MOI")
                .contains("Policy: 1.3.6.1.4.1.99999.1.1")
                .contains("URI:http://pki.gov.ps/issuing.crl")
                .contains("CA:FALSE")
                .contains("X509v3 Subject Key Identifier")
                .contains("X509v3 Authority Key Identifier")
                .contains("ecdsa-with-SHA256")
                .doesNotContain("Extended Key Usage");
        assertThat(text(dir.resolve("ca/root-ca.pem"))).contains("CA:TRUE").contains("Certificate Sign, CRL Sign");
        assertThat(text(dir.resolve("ca/issuing-ca.pem"))).contains("CA:TRUE, pathlen:0");
    }

    @Test
    void tlsProfilesShowTheirUsagesNamesAndPolicies() throws Exception {
        Path node = issue(Profile.NODE_TLS, TestCsrs.node(), "node");
        Path client = issue(Profile.CLIENT_TLS, Identity.subsystem(SubsystemId.parse("PS/GOV/MOH/health-records")), "moh");

        assertThat(verify(node).output()).contains(": OK");
        assertThat(verify(client).output()).contains(": OK");
        assertThat(text(node)).contains("TLS Web Server Authentication, TLS Web Client Authentication")
                .contains("DNS:node1.moi.gov.ps, DNS:localhost, IP Address:127.0.0.1")
                .contains("Policy: 1.3.6.1.4.1.99999.1.2");
        assertThat(text(client)).contains("X509v3 Extended Key Usage: \n                TLS Web Client Authentication\n")
                .contains("URI:urn:takamul:subsystem:PS/GOV/MOH/health-records")
                .contains("Policy: 1.3.6.1.4.1.99999.1.3");
        assertThat(OpenSsl.run(dir, "verify", "-CAfile", "ca/root-ca.pem", "-untrusted", "ca/issuing-ca.pem",
                "-purpose", "sslserver", node.toString()).exitCode()).isZero();
        assertThat(OpenSsl.run(dir, "verify", "-CAfile", "ca/root-ca.pem", "-untrusted", "ca/issuing-ca.pem",
                "-purpose", "sslserver", client.toString()).exitCode()).isNotZero();
    }

    @Test
    void crlVerifiesListsTheRevokedSerialAndRevokesTheCertificate() throws Exception {
        Path leaf = issue(Profile.MEMBER_SIGNING, Identity.member(TestCsrs.MOI), "moi");
        X509Certificate certificate = Pem.readCertificates(dir.resolve(leaf)).get(0);
        ca.revoke(certificate.getSerialNumber(), RevocationReason.KEY_COMPROMISE);
        InstanceCa.writeCrl(ca.crl(Duration.ofDays(7)), dir.resolve("issuing"));

        OpenSsl.Result pem = OpenSsl.run(dir, "crl", "-in", "issuing.pem", "-noout", "-text", "-verify",
                "-CAfile", "ca/issuing-ca.pem");
        OpenSsl.Result der = OpenSsl.run(dir, "crl", "-inform", "DER", "-in", "issuing.crl", "-noout", "-verify",
                "-CAfile", "ca/issuing-ca.pem");

        assertThat(pem.exitCode()).isZero();
        assertThat(pem.output()).contains("verify OK")
                .contains("Serial Number: " + InstanceCa.hex(certificate.getSerialNumber()))
                .contains("Key Compromise").contains("X509v3 CRL Number");
        assertThat(der.output()).contains("verify OK");
        OpenSsl.Result checked = OpenSsl.run(dir, "verify", "-crl_check", "-CAfile", "ca/root-ca.pem",
                "-untrusted", "ca/issuing-ca.pem", "-CRLfile", "issuing.pem", leaf.toString());
        assertThat(checked.exitCode()).isNotZero();
        assertThat(checked.output()).contains("certificate revoked");
    }

    @Test
    void keystoreOpensWithOpenSslAfterImport() throws Exception {
        Path leaf = issue(Profile.MEMBER_SIGNING, Identity.member(TestCsrs.MOI), "moi");
        KeyRequests.importChain(dir.resolve("moi/member-signing.p12"), Pem.readCertificates(dir.resolve(leaf)), KEY_PASSWORD);

        OpenSsl.Result result = OpenSsl.run(dir, "pkcs12", "-in", "moi/member-signing.p12", "-nokeys",
                "-passin", "pass:" + new String(KEY_PASSWORD));

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).contains("subject=O = GOV, CN = MOI, serialNumber = PS/GOV/MOI")
                .contains("subject=O = Takamul, CN = PS Issuing CA");
    }

    /** Runs the member's and CA's side and returns the chain file ('ca issue' writes leaf then issuing CA). */
    private Path issue(Profile profile, Identity identity, String name) {
        KeyRequests.KeyRequest request = KeyRequests.create(profile, identity, dir.resolve(name), KEY_PASSWORD);
        X509Certificate certificate = ca.issue(request.csr(), IssueRequest.of(profile, YEAR));
        Path out = dir.resolve(name + "/chain.pem");
        Pem.write(out, certificate, ca.issuing());
        return dir.relativize(out);
    }

    private OpenSsl.Result verify(Path leaf) throws Exception {
        OpenSsl.Result result = OpenSsl.run(dir, "verify", "-CAfile", "ca/root-ca.pem", "-untrusted",
                "ca/issuing-ca.pem", leaf.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result;
    }

    private String text(Path certificate) throws Exception {
        OpenSsl.Result result = OpenSsl.run(dir, "x509", "-in", certificate.toString(), "-noout", "-text");
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.output();
    }
}
