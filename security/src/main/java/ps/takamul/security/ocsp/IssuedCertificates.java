package ps.takamul.security.ocsp;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Optional;
import ps.takamul.security.pki.CaIndex;

/** What the CA issued and revoked, as the OCSP responder needs it: one entry per serial. */
@FunctionalInterface
public interface IssuedCertificates {

    /** The CA's record of {@code serial}, or empty if the CA never issued it. */
    Optional<CaIndex.Entry> find(BigInteger serial);

    /**
     * The CA folder's {@code index.json}, read again whenever it changes, so a
     * {@code takamul-pki ca revoke} is answered as "revoked" without restarting the responder.
     */
    static IssuedCertificates fromIndex(Path indexJson) {
        return new WatchedCaIndex(indexJson);
    }
}
