package ps.takamul.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.node.tls.DevPki;
import ps.takamul.security.pki.MemberBinding;
import ps.takamul.security.pki.Pem;

/** The secure demo makes its PKI once, at its first start, and reuses it after. */
class DevPkiTest {
    @TempDir
    Path data;

    @Test
    void madeAtFirstStartAndReusedAfter() throws Exception {
        DevPki first = DevPki.ensure(data);
        String root = Files.readString(first.rootCertificate());
        DevPki again = DevPki.ensure(data);

        assertThat(again.password()).isEqualTo(first.password());
        assertThat(Files.readString(again.rootCertificate())).isEqualTo(root);
        for (String client : DevPki.CLIENTS) {
            assertThat(again.clientKeystore(client)).exists();
        }
        assertThat(Pem.readCertificates(Path.of(first.nodeSettings().get("takamul.tls.trust")))).hasSize(2);
        var moh = ps.takamul.security.pki.Keystores.chain(ps.takamul.security.pki.Keystores.load(
                first.clientKeystore("PS/GOV/MOH/health-records"), first.password().toCharArray()))[0];
        assertThat(MemberBinding.subsystemOf(moh).toString()).isEqualTo("PS/GOV/MOH/health-records");
        assertThat(Files.getPosixFilePermissions(data.resolve("pki/password")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }
}
