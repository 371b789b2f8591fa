package ps.takamul.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.core.identifier.SubsystemId;
import ps.takamul.node.support.TestNodes;
import ps.takamul.node.support.TestPki;
import ps.takamul.node.support.TestProvider;
import ps.takamul.security.pki.Identity;
import ps.takamul.security.pki.InstanceCa;
import ps.takamul.security.pki.Keystores;
import ps.takamul.security.pki.Pem;
import ps.takamul.security.pki.Profile;
import ps.takamul.security.pki.RevocationReason;

/** With the CA's CRL, a client whose certificate was revoked cannot even connect. */
class RevokedClientTest {
    @TempDir
    Path dir;

    @Test
    void aRevokedClientCertificateFailsTheHandshake() throws Exception {
        InstanceCa ca = InstanceCa.init(dir.resolve("ca"), "PS", Duration.ofDays(30), TestPki.PASSWORD, null);
        Path nodeKeys = TestPki.issue(ca, Profile.NODE_TLS,
                Identity.node("test-node", java.util.List.of("localhost"), java.util.List.of("127.0.0.1")), dir.resolve("node"));
        Path moh = TestPki.issue(ca, Profile.CLIENT_TLS,
                Identity.subsystem(SubsystemId.parse("PS/GOV/MOH/health-records")), dir.resolve("moh"));
        Path mof = TestPki.issue(ca, Profile.CLIENT_TLS,
                Identity.subsystem(SubsystemId.parse("PS/GOV/MOF/e-payments")), dir.resolve("mof"));
        BigInteger mohSerial = Keystores.chain(Keystores.load(moh, TestPki.PASSWORD))[0].getSerialNumber();
        ca.revoke(mohSerial, RevocationReason.KEY_COMPROMISE);
        InstanceCa.writeCrl(ca.crl(Duration.ofDays(1)), dir.resolve("issuing"));
        Path trust = dir.resolve("trust.pem");
        Pem.write(trust, ca.issuing(), ca.root());

        try (TestProvider provider = new TestProvider()) {
            Map<String, String> settings = TestNodes.settings(dir, TestNodes.catalogue(dir), provider.url(),
                    "http://127.0.0.1:1/x", "http://127.0.0.1:1/x");
            settings.put("takamul.tls.enabled", "true");
            settings.put("takamul.tls.port", "0");
            settings.put("takamul.tls.keystore", nodeKeys.toString());
            settings.put("takamul.tls.password", new String(TestPki.PASSWORD));
            settings.put("takamul.tls.trust", trust.toString());
            settings.put("takamul.tls.crl", dir.resolve("issuing.crl").toString());
            try (TakamulNode node = TestNodes.start(settings)) {
                String echo = node.tlsBaseUrl() + "/PS/GOV/TEST/provider/echo/v1";
                assertThatThrownBy(() -> TestPki.post(TestPki.client(moh, ca.root()), echo, "PS/GOV/MOH/health-records"))
                        .isInstanceOf(IOException.class);
                HttpResponse<String> served = TestPki.post(TestPki.client(mof, ca.root()), echo, "PS/GOV/MOF/e-payments");
                assertThat(served.statusCode()).isEqualTo(200);
            }
        }
    }
}
