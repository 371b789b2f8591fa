package ps.takamul.routes.soap.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.security.pki.Identity;
import ps.takamul.security.pki.InstanceCa;
import ps.takamul.security.pki.IssueRequest;
import ps.takamul.security.pki.KeyRequests;
import ps.takamul.security.pki.Keystores;
import ps.takamul.security.pki.Profile;
import ps.takamul.security.sign.SigningKey;

/**
 * An instance PKI made at run time with the project's own classes: a root and issuing CA, and a
 * member-signing key for each member asked for, in PKCS#12 files under a temporary folder.
 */
final class TestPki {
    static final MemberId MOH = MemberId.parse("PS/GOV/MOH");
    static final MemberId MOI = MemberId.parse("PS/GOV/MOI");
    static final MemberId MOL = MemberId.parse("PS/GOV/MOL");

    private final InstanceCa ca;
    private final Map<MemberId, SigningKey> keys = new HashMap<>();
    private final Map<MemberId, Path> keystores = new HashMap<>();

    TestPki(Path dir, MemberId... members) throws Exception {
        char[] password = "test-only".toCharArray();
        ca = InstanceCa.init(dir.resolve("ca"), "PS", Duration.ofDays(30), password, null);
        for (MemberId member : members) {
            Path out = Files.createDirectories(dir.resolve(member.memberCode()));
            KeyRequests.KeyRequest request = KeyRequests.create(Profile.MEMBER_SIGNING, Identity.member(member), out, password);
            X509Certificate cert = ca.issue(request.csr(), IssueRequest.of(Profile.MEMBER_SIGNING, Duration.ofDays(2)));
            KeyRequests.importChain(request.keystore(), List.of(cert, ca.issuing()), password);
            KeyStore store = Keystores.load(request.keystore(), password);
            keys.put(member, new SigningKey(Keystores.privateKey(store, password), List.of(Keystores.chain(store))));
            keystores.put(member, request.keystore());
        }
    }

    X509Certificate root() {
        return ca.root();
    }

    X509Certificate issuing() {
        return ca.issuing();
    }

    SigningKey key(MemberId member) {
        return keys.get(member);
    }

    Map<MemberId, SigningKey> keys() {
        return keys;
    }
}
