package ps.takamul.audit.checkpoint;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ps.takamul.audit.store.Checkpoint;

/**
 * Checkpoints signed with the node's audit key over their {@link CheckpointNote}, and
 * time-stamped (RFC 3161) over the signature: the timestamp proves the signed statement existed
 * then, so a key compromised later cannot back-date a rewritten log.
 *
 * <p>A checkpoint's time is cut to milliseconds, the note's precision, so the time kept in the
 * store is the one that was signed. When the time-stamping authority cannot be reached the
 * checkpoint is still signed and kept, without a token, and the log says so: a verifier then
 * reports it as not timestamped.
 */
public final class SignedCheckpoints implements CheckpointMaker {
    private static final Logger LOG = LoggerFactory.getLogger(SignedCheckpoints.class);

    private final String origin;
    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final TimestampSource tsa;

    /**
     * @param origin the node id, named in every note
     * @param key    the node's audit key
     * @param chain  its certificate first, then any issuers: what an export hands the auditor
     * @param tsa    where time-stamps come from, or null for none
     * @throws IllegalArgumentException when the key does not belong to the chain's first certificate
     */
    public SignedCheckpoints(String origin, PrivateKey key, List<X509Certificate> chain, TimestampSource tsa) {
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("the audit key needs its certificate");
        }
        byte[] probe = CheckpointNote.bytes(origin, 0, new byte[32], Instant.EPOCH);
        if (!CheckpointNote.verify(chain.get(0).getPublicKey(), probe, CheckpointNote.sign(key, probe))) {
            throw new IllegalArgumentException("the audit key does not belong to its certificate "
                    + chain.get(0).getSubjectX500Principal());
        }
        this.origin = origin;
        this.key = key;
        this.chain = List.copyOf(chain);
        this.tsa = tsa;
    }

    public String origin() {
        return origin;
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    @Override
    public Checkpoint make(long treeSize, byte[] rootHash, Instant at) {
        Instant time = at.truncatedTo(ChronoUnit.MILLIS);
        byte[] signature = CheckpointNote.sign(key, CheckpointNote.bytes(origin, treeSize, rootHash, time));
        return new Checkpoint(treeSize, rootHash, time, signature, timestamp(treeSize, signature));
    }

    private byte[] timestamp(long treeSize, byte[] signature) {
        if (tsa == null) {
            return null;
        }
        try {
            return tsa.timestamp(CheckpointNote.imprint(signature));
        } catch (RuntimeException e) {
            LOG.warn("audit checkpoint at tree size {} signed but not time-stamped: {}", treeSize, e.getMessage());
            return null;
        }
    }
}
