package ps.takamul.audit.store;

import java.time.Instant;
import ps.takamul.audit.merkle.MerkleHash;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.audit.record.AuditRecords;

/**
 * A record as the store holds it: the exact canonical bytes that were hashed into the tree, so a
 * reader can check them against a proof rather than trust a re-encoding.
 *
 * @param sequence   its leaf index
 * @param appendedAt when the store committed it
 * @param canonical  the canonical JSON bytes, as appended
 */
public record StoredRecord(long sequence, Instant appendedAt, byte[] canonical) {

    public AuditRecord record() {
        return AuditRecords.read(canonical);
    }

    public byte[] leafHash() {
        return MerkleHash.leaf(canonical);
    }
}
