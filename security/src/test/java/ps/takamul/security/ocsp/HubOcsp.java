package ps.takamul.security.ocsp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import ps.takamul.security.pki.RevocationReason;
import ps.takamul.security.trust.TrustTestPki;

/**
 * The set-up OCSP tests share: a CA whose certificates name a loopback responder in their AIA,
 * that responder serving the CA's index over real HTTP, and one member-signing certificate.
 */
public record HubOcsp(LocalOcspServer server, TrustTestPki pki, TrustTestPki.Issued member) implements AutoCloseable {

    public static HubOcsp start(Path dir) throws IOException {
        LocalOcspServer server = LocalOcspServer.start();
        TrustTestPki pki = TrustTestPki.create(dir, "PS", server.url().toString());
        server.serve(pki.responder(Duration.ofHours(1)));
        return new HubOcsp(server, pki, pki.memberSigning(TrustTestPki.MOI));
    }

    /** Revokes the member's certificate in the CA's index, as {@code takamul-pki ca revoke} does. */
    public void revokeMember() {
        pki.ca().revoke(member.certificate().getSerialNumber(), RevocationReason.KEY_COMPROMISE);
    }

    @Override
    public void close() {
        server.close();
    }
}
