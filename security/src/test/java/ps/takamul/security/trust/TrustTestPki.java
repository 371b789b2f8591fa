package ps.takamul.security.trust;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.core.identifier.SubsystemId;
import ps.takamul.security.ocsp.IssuedCertificates;
import ps.takamul.security.ocsp.OcspResponder;
import ps.takamul.security.pki.Identity;
import ps.takamul.security.pki.InstanceCa;
import ps.takamul.security.pki.IssueRequest;
import ps.takamul.security.pki.KeyRequests;
import ps.takamul.security.pki.Keystores;
import ps.takamul.security.pki.Profile;

/**
 * A real instance PKI in a temporary folder, made with the project's own classes: the CA, keys
 * and CSRs through {@link KeyRequests}, certificates through {@link InstanceCa#issue}.
 */
public final class TrustTestPki {
    public static final char[] PASSWORD = "trust-test".toCharArray();
    public static final MemberId MOI = MemberId.parse("PS/GOV/MOI");

    /** A certificate the CA issued, its chain (leaf, issuing CA) and the private key. */
    public record Issued(List<X509Certificate> chain, PrivateKey key) {
        public X509Certificate certificate() {
            return chain.get(0);
        }
    }

    private final Path dir;
    private final InstanceCa ca;
    private final AtomicInteger keys = new AtomicInteger();

    private TrustTestPki(Path dir, InstanceCa ca) {
        this.dir = dir;
        this.ca = ca;
    }

    /** @param ocspUrl written into issued certificates (AIA); null for none */
    public static TrustTestPki create(Path dir, String instance, String ocspUrl) {
        return new TrustTestPki(dir, InstanceCa.init(dir.resolve("ca"), instance, Duration.ofDays(365), PASSWORD,
                null, ocspUrl));
    }

    public InstanceCa ca() {
        return ca;
    }

    public Path caDir() {
        return dir.resolve("ca");
    }

    public Issued issue(Profile profile, Identity identity) {
        Path out = dir.resolve("keys-" + keys.incrementAndGet());
        KeyRequests.KeyRequest request = KeyRequests.create(profile, identity, out, PASSWORD);
        X509Certificate certificate = ca.issue(request.csr(), IssueRequest.of(profile, Duration.ofDays(30)));
        KeyRequests.importChain(request.keystore(), List.of(certificate, ca.issuing()), PASSWORD);
        KeyStore store = Keystores.load(request.keystore(), PASSWORD);
        return new Issued(List.of(certificate, ca.issuing()), Keystores.privateKey(store, PASSWORD));
    }

    public Issued memberSigning(MemberId member) {
        return issue(Profile.MEMBER_SIGNING, Identity.member(member));
    }

    public Issued clientTls(String subsystem) {
        return issue(Profile.CLIENT_TLS, Identity.subsystem(SubsystemId.parse(subsystem)));
    }

    public Issued nodeTls() {
        return issue(Profile.NODE_TLS, Identity.node("node1", List.of("localhost"), List.of("127.0.0.1")));
    }

    public PrivateKey issuingKey() {
        return Keystores.privateKey(Keystores.load(caDir().resolve(InstanceCa.ISSUING_KEYSTORE), PASSWORD), PASSWORD);
    }

    /** The hub's responder: a delegated ocsp-profile key, statuses from the CA folder's index.json. */
    public OcspResponder responder(Duration validity) {
        Issued ocsp = issue(Profile.OCSP, Identity.node("hub-ocsp", List.of(), List.of()));
        return new OcspResponder(ca.issuing(), ocsp.key(), ocsp.chain().toArray(X509Certificate[]::new),
                IssuedCertificates.fromIndex(caDir().resolve(InstanceCa.INDEX)), validity);
    }
}
