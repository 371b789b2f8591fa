package ps.takamul.security.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRequestsTest {
    private static final char[] PASSWORD = "key-secret".toCharArray();

    @TempDir
    Path dir;

    @Test
    void writesAnOwnerOnlyKeystoreAndACsrNamingTheMember() throws Exception {
        KeyRequests.KeyRequest request = KeyRequests.create(Profile.MEMBER_SIGNING, Identity.member(TestCsrs.MOI),
                dir, PASSWORD);

        assertThat(request.keystore()).isEqualTo(dir.resolve("member-signing.p12"));
        assertThat(Files.getPosixFilePermissions(request.keystore()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Pem.readCsr(Files.readString(request.csrFile())).getEncoded()).isEqualTo(request.csr().getEncoded());
        assertThat(Identity.requestedBy(request.csr())).isEqualTo(Identity.member(TestCsrs.MOI));
    }

    @Test
    void refusesToOverwriteAKey() {
        KeyRequests.create(Profile.MEMBER_SIGNING, Identity.member(TestCsrs.MOI), dir, PASSWORD);

        assertThatThrownBy(() -> KeyRequests.create(Profile.MEMBER_SIGNING, Identity.member(TestCsrs.MOI), dir, PASSWORD))
                .isInstanceOf(PkiException.class).hasMessageContaining("already exists");
    }

    @Test
    void refusesAnIdentityThatDoesNotFitTheProfile() {
        assertThatThrownBy(() -> KeyRequests.create(Profile.NODE_TLS, Identity.node("n1", List.of(), List.of()), dir, PASSWORD))
                .isInstanceOf(PkiException.class).hasMessageContaining("at least one DNS name or IP address");
    }

    @Test
    void importsTheIssuedChainAndRefusesACertificateForAnotherKey() throws Exception {
        InstanceCa ca = InstanceCa.init(dir.resolve("ca"), "PS", Duration.ofDays(30), PASSWORD, null);
        KeyRequests.KeyRequest mine = KeyRequests.create(Profile.MEMBER_SIGNING, Identity.member(TestCsrs.MOI),
                dir.resolve("mine"), PASSWORD);
        KeyRequests.KeyRequest other = KeyRequests.create(Profile.MEMBER_SIGNING, Identity.member(TestCsrs.MOI),
                dir.resolve("other"), PASSWORD);
        X509Certificate issued = ca.issue(mine.csr(), IssueRequest.of(Profile.MEMBER_SIGNING, Duration.ofDays(7)));

        KeyRequests.importChain(mine.keystore(), List.of(issued, ca.issuing(), ca.root()), PASSWORD);

        KeyStore store = Keystores.load(mine.keystore(), PASSWORD);
        assertThat(Keystores.chain(store)).containsExactly(issued, ca.issuing(), ca.root());
        assertThat(Keystores.privateKey(store, PASSWORD)).isNotNull();
        assertThatThrownBy(() -> KeyRequests.importChain(other.keystore(), List.of(issued, ca.issuing()), PASSWORD))
                .isInstanceOf(PkiException.class).hasMessageContaining("for another key");
        assertThatThrownBy(() -> KeyRequests.importChain(mine.keystore(), List.of(issued, ca.root()), PASSWORD))
                .isInstanceOf(PkiException.class).hasMessageContaining("chain is broken");
    }
}
