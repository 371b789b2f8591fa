package ps.takamul.security.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.security.ocsp.HubOcsp;

/**
 * The hub's OCSP responder checked with {@code openssl ocsp} alone, over real HTTP: what a
 * relying party outside Takamul would run, trusting only the instance's root certificate.
 */
class OcspVerificationTest {
    @TempDir
    Path dir;
    private HubOcsp hub;

    @BeforeEach
    void setUp() throws Exception {
        OpenSsl.assumeAvailable();
        hub = HubOcsp.start(dir);
        Pem.write(dir.resolve("leaf.pem"), hub.member().certificate());
    }

    @AfterEach
    void tearDown() {
        if (hub != null) {
            hub.close();
        }
    }

    private OpenSsl.Result ocsp() throws Exception {
        return OpenSsl.run(dir, "ocsp", "-issuer", "ca/issuing-ca.pem", "-cert", "leaf.pem",
                "-url", hub.server().url().toString(), "-CAfile", "ca/root-ca.pem", "-resp_text");
    }

    @Test
    void openSslHearsGoodThenRevokedWithoutARestart() throws Exception {
        OpenSsl.Result good = ocsp();
        assertThat(good.output()).contains("Response verify OK").contains("leaf.pem: good")
                .contains("This Update:").contains("Next Update:").contains("OCSP Nonce");
        assertThat(good.exitCode()).isZero();

        hub.revokeMember();
        OpenSsl.Result revoked = ocsp();
        assertThat(revoked.output()).contains("Response verify OK").contains("leaf.pem: revoked")
                .contains("Reason: keyCompromise");
    }

    @Test
    void theResponderCertificateIsADelegatedOcspSigner() throws Exception {
        OpenSsl.Result shown = ocsp();
        assertThat(shown.output()).contains("OCSP Signing").contains("OCSP No Check")
                .contains("Policy: " + Profile.POLICY_ARC + ".5");
    }

    @Test
    void theMemberCertificateNamesTheResponder() throws Exception {
        OpenSsl.Result text = OpenSsl.run(dir, "x509", "-in", "leaf.pem", "-noout", "-ocsp_uri");
        assertThat(text.output().trim()).isEqualTo(hub.server().url().toString());
    }
}
