package ps.takamul.routes.auditor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import ps.takamul.audit.AuditLog;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.audit.store.AuditPage;
import ps.takamul.audit.store.AuditQuery;
import ps.takamul.audit.store.StoredRecord;
import ps.takamul.core.catalogue.BilingualText;
import ps.takamul.core.catalogue.Catalogue;

/**
 * What a citizen may ask: which institutions asked for data about them, through which service,
 * when, for what stated purpose, and whether they got it. Built from the EXCHANGE records under
 * one national ID, newest first, with the institutions and services named as the catalogue names
 * them now (an id the catalogue no longer holds is shown as the id alone).
 *
 * @param nationalId the data subject
 * @param accesses   one page of the exchanges about them
 * @param next       the cursor for the next page, or null
 */
record DataAccessReport(String nationalId, List<Access> accesses, Long next) {
    static final int MOST_ON_A_PAGE = 500;

    /**
     * One exchange about the person.
     *
     * @param seq         the record's sequence number
     * @param at          when the request arrived
     * @param client      the asking client's id
     * @param institution the client's member's name
     * @param system      the client's subsystem's name
     * @param service     the service's id
     * @param serviceName the service's name
     * @param purpose     the purpose the request stated, or null
     * @param answered    whether the data was given
     * @param status      the HTTP status answered
     * @param errorCode   why it was refused, or null
     */
    record Access(long seq, Instant at, String client, BilingualText institution, BilingualText system, String service,
                  BilingualText serviceName, String purpose, boolean answered, int status, String errorCode) {
    }

    static DataAccessReport of(AuditLog log, Catalogue catalogue, String nationalId, Long after) {
        if (nationalId.length() > 64 || nationalId.codePoints().anyMatch(Character::isISOControl)) {
            throw Refusal.badRequest("a national ID has at most 64 printable characters");
        }
        AuditPage page = log.store().search(AuditQuery.all().dataSubject(nationalId).kind(AuditRecord.Kind.EXCHANGE)
                .after(after).limit(MOST_ON_A_PAGE));
        List<Access> accesses = new ArrayList<>();
        for (StoredRecord stored : page.records()) {
            accesses.add(access(stored.sequence(), stored.record(), catalogue));
        }
        return new DataAccessReport(nationalId, accesses, page.next());
    }

    private static Access access(long seq, AuditRecord r, Catalogue catalogue) {
        boolean answered = r.errorCode() == null && r.status() >= 200 && r.status() < 300;
        return new Access(seq, r.received() != null ? r.received() : r.at(), r.client(),
                CatalogueNames.institution(catalogue, r.client()), CatalogueNames.system(catalogue, r.client()), r.service(),
                CatalogueNames.service(catalogue, r.service()), r.purpose(), answered, r.status(), r.errorCode());
    }
}
