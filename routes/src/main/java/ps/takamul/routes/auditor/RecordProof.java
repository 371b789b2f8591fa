package ps.takamul.routes.auditor;

import java.util.List;
import ps.takamul.audit.AuditLog;
import ps.takamul.audit.merkle.MerkleProofs;
import ps.takamul.audit.store.Checkpoint;
import ps.takamul.audit.store.StoredRecord;

/**
 * A record with the proof that it is in the tree a checkpoint signs: its leaf hash, the RFC 9162
 * path from there to the checkpoint's root, and whether the node, checking its own answer, finds
 * that the path leads there. An auditor need not trust that last part: the API gives what to
 * check it with, and the record page checks it again in the browser.
 */
record RecordProof(StoredRecord record, byte[] leafHash, List<byte[]> path, Checkpoint checkpoint, boolean verifiedByNode) {

    /** The record's proof to the first checkpoint that covers it (made now if none does yet). */
    static RecordProof of(AuditLog log, long sequence) {
        if (sequence >= log.size()) {
            throw Refusal.notFound("no record " + sequence + "; the log holds " + log.size());
        }
        Checkpoint checkpoint = log.checkpointCovering(sequence);
        AuditLog.Inclusion inclusion = log.inclusion(sequence, checkpoint);
        byte[] leaf = inclusion.record().leafHash();
        boolean verified = MerkleProofs.verifyInclusion(sequence, checkpoint.treeSize(), leaf, inclusion.proof(),
                checkpoint.rootHash());
        return new RecordProof(inclusion.record(), leaf, inclusion.proof(), checkpoint, verified);
    }
}
