package ps.takamul.node.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import ps.takamul.core.identifier.SubsystemId;
import ps.takamul.security.pki.Identity;
import ps.takamul.security.pki.InstanceCa;
import ps.takamul.security.pki.IssueRequest;
import ps.takamul.security.pki.KeyRequests;
import ps.takamul.security.pki.Pem;
import ps.takamul.security.pki.Profile;

/**
 * The demo's own PKI, made at its first secure start under {@code <data>/pki} and reused after:
 * an instance CA, the node's TLS key for 127.0.0.1 and localhost, the hub's time-stamping key,
 * and a client key for each demo client system. Nothing of it is ever committed; delete the folder to start over. The keystore
 * password is random and kept next to the keys, which is acceptable for a demo only.
 */
public final class DevPki {
    /** The demo's client systems, each with its own client-tls keystore. */
    public static final List<String> CLIENTS = List.of(
            "PS/GOV/MOH/health-records", "PS/GOV/MOL/labour-registry", "PS/GOV/MOF/e-payments");

    private final Path dir;
    private final String password;

    private DevPki(Path dir, String password) {
        this.dir = dir;
        this.password = password;
    }

    public static DevPki ensure(Path dataDir) throws IOException {
        Path dir = dataDir.resolve("pki");
        Path passwordFile = dir.resolve("password");
        if (Files.exists(passwordFile)) {
            return new DevPki(dir, Files.readString(passwordFile).strip());
        }
        Files.createDirectories(dir);
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        char[] secret = password.toCharArray();
        InstanceCa ca = InstanceCa.init(dir.resolve("ca"), "PS", Duration.ofDays(365), secret, null);
        issue(ca, Profile.NODE_TLS, Identity.node("demo-node", List.of("localhost"), List.of("127.0.0.1")),
                dir.resolve("node"), secret);
        issue(ca, Profile.TSA, Identity.node("demo-tsa", List.of(), List.of()), dir.resolve("tsa"), secret);
        for (String client : CLIENTS) {
            issue(ca, Profile.CLIENT_TLS, Identity.subsystem(SubsystemId.parse(client)), dir.resolve(folderOf(client)), secret);
        }
        Pem.write(dir.resolve("trust.pem"), ca.issuing(), ca.root());
        Files.writeString(passwordFile, password);
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        return new DevPki(dir, password);
    }

    private static void issue(InstanceCa ca, Profile profile, Identity identity, Path out, char[] password)
            throws IOException {
        Files.createDirectories(out);
        KeyRequests.KeyRequest request = KeyRequests.create(profile, identity, out, password);
        X509Certificate certificate = ca.issue(request.csr(), IssueRequest.of(profile, Duration.ofDays(180)));
        KeyRequests.importChain(request.keystore(), List.of(certificate, ca.issuing()), password);
    }

    private static String folderOf(String subsystem) {
        return subsystem.replace('/', '_');
    }

    /** The settings that switch a node to the secure profile with this PKI. */
    public Map<String, String> nodeSettings() {
        return Map.of("takamul.tls.enabled", "true",
                "takamul.tls.keystore", dir.resolve("node/node-tls.p12").toString(),
                "takamul.tls.password", password,
                "takamul.tls.trust", dir.resolve("trust.pem").toString(),
                "takamul.tsa.keystore", dir.resolve("tsa/tsa.p12").toString(),
                "takamul.tsa.password", password);
    }

    public Path rootCertificate() {
        return dir.resolve("ca/" + InstanceCa.ROOT_CERTIFICATE);
    }

    public Path clientKeystore(String subsystem) {
        return dir.resolve(folderOf(subsystem)).resolve("client-tls.p12");
    }

    public String password() {
        return password;
    }
}
