package ps.takamul.node.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ps.takamul.core.identifier.MemberId;
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
    /** The demo's members, each with a member-signing key the hub holds to sign on its behalf. */
    public static final List<String> MEMBERS = List.of("PS/GOV/MOI", "PS/GOV/MOH", "PS/GOV/MOL", "PS/GOV/MOF");

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
            String password = Files.readString(passwordFile).strip();
            boolean members = Files.isDirectory(dir.resolve("members"));
            boolean ocsp = Files.isDirectory(dir.resolve("ocsp"));
            if (!members || !ocsp) {
                // made by the release before message signatures: add what they need, and only that
                InstanceCa ca = InstanceCa.open(dir.resolve("ca"), password.toCharArray());
                if (!members) {
                    issueMemberKeys(ca, dir, password.toCharArray());
                }
                if (!ocsp) {
                    issue(ca, Profile.OCSP, Identity.node("demo-ocsp", List.of(), List.of()), dir.resolve("ocsp"),
                            password.toCharArray());
                }
            }
            return new DevPki(dir, password);
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
        issueMemberKeys(ca, dir, secret);
        issue(ca, Profile.OCSP, Identity.node("demo-ocsp", List.of(), List.of()), dir.resolve("ocsp"), secret);
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

    private static void issueMemberKeys(InstanceCa ca, Path dir, char[] password) throws IOException {
        for (String member : MEMBERS) {
            issue(ca, Profile.MEMBER_SIGNING, Identity.member(MemberId.parse(member)), memberFolder(dir, member), password);
        }
    }

    private static Path memberFolder(Path dir, String member) {
        return dir.resolve("members").resolve(folderOf(member));
    }

    private static String folderOf(String subsystem) {
        return subsystem.replace('/', '_');
    }

    /**
     * The settings that switch a node to the secure profile with this PKI: mutual TLS, message
     * signatures (the hub signs for the demo's client systems, which authenticate over TLS and
     * cannot sign), the hub's OCSP responder for other nodes (it checks signers against the CA index itself), time-stamping.
     */
    public Map<String, String> nodeSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("takamul.tls.enabled", "true");
        settings.put("takamul.tls.keystore", dir.resolve("node/node-tls.p12").toString());
        settings.put("takamul.tls.password", password);
        settings.put("takamul.tls.trust", dir.resolve("trust.pem").toString());
        settings.put("takamul.signatures.enabled", "true");
        settings.put("takamul.signatures.on-behalf-of", String.join(",", CLIENTS));
        settings.put("takamul.signing.keystores",
                String.join(",", MEMBERS.stream().map(m -> memberKeystore(m).toString()).toList()));
        settings.put("takamul.signing.password", password);
        settings.put("takamul.trust.anchors", rootCertificate().toString());
        settings.put("takamul.trust.intermediates", dir.resolve("trust.pem").toString());
        settings.put("takamul.ocsp.keystore", dir.resolve("ocsp/ocsp.p12").toString());
        settings.put("takamul.ocsp.password", password);
        settings.put("takamul.ocsp.ca", dir.resolve("ca").toString());
        // The hub is the CA: it answers its own signer checks from the CA index, and others' at /ocsp.
        settings.put("takamul.trust.ocsp", "local");
        settings.put("takamul.tsa.keystore", dir.resolve("tsa/tsa.p12").toString());
        settings.put("takamul.tsa.password", password);
        return settings;
    }

    /**
     * Only the hub's time-stamping authority: the plain demo uses it to time-stamp its audit
     * checkpoints, as a production node would with its instance's TSA.
     */
    public Map<String, String> timestampSettings() {
        return Map.of("takamul.tsa.keystore", dir.resolve("tsa/tsa.p12").toString(), "takamul.tsa.password", password);
    }

    public Path rootCertificate() {
        return dir.resolve("ca/" + InstanceCa.ROOT_CERTIFICATE);
    }

    public Path clientKeystore(String subsystem) {
        return dir.resolve(folderOf(subsystem)).resolve("client-tls.p12");
    }

    public Path memberKeystore(String member) {
        return memberFolder(dir, member).resolve(Profile.MEMBER_SIGNING.label() + ".p12");
    }

    public String password() {
        return password;
    }
}
