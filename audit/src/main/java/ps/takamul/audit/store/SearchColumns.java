package ps.takamul.audit.store;

import ps.takamul.audit.record.AuditRecord;

/**
 * The fields of a record that its row repeats for searching (the rest is in its canonical bytes).
 * A record waiting for the indexer keeps only these, not the whole {@link AuditRecord}: the
 * indexer holds seconds of records, and every young collection copies what it holds.
 */
record SearchColumns(AuditRecord.Kind kind, String messageId, String client, String service, String userId,
                     String dataSubject, int status, String errorCode) {

    static SearchColumns of(AuditRecord r) {
        return new SearchColumns(r.kind(), r.messageId(), r.client(), r.service(), r.userId(), r.dataSubject(),
                r.status(), r.errorCode());
    }
}
