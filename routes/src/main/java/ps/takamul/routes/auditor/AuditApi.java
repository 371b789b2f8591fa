package ps.takamul.routes.auditor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Supplier;
import ps.takamul.audit.AuditLog;
import ps.takamul.audit.store.AuditPage;
import ps.takamul.audit.store.StoredRecord;
import ps.takamul.core.catalogue.BilingualText;
import ps.takamul.core.catalogue.Catalogue;

/** The JSON answers of {@code /audit/api}; docs/audit-api.md describes each. */
final class AuditApi {
    private final AuditorAccess access;
    private final Supplier<Catalogue> catalogue;

    AuditApi(AuditorAccess access, Supplier<Catalogue> catalogue) {
        this.access = access;
        this.catalogue = catalogue;
    }

    private AuditLog log() {
        return access.log();
    }

    /** {@code GET /audit/api/records}: one page of a search. */
    Answer records(AuditorRequest request) {
        AuditPage page = log().store().search(RecordFilters.api(request.query()));
        ObjectNode body = AuditJson.object();
        body.set("records", AuditJson.stored(page.records()));
        body.put("next", page.next());
        return AuditJson.answer(body);
    }

    /** {@code GET /audit/api/records/{seq}}: the record, its leaf hash, its inclusion proof and the checkpoint. */
    Answer record(AuditorRequest request) {
        RecordProof proof = RecordProof.of(log(), request.sequence("seq"));
        ObjectNode body = AuditJson.stored(proof.record());
        body.put("canonical", AuditJson.base64(proof.record().canonical()))
                .put("leafHash", AuditJson.base64(proof.leafHash()));
        body.set("proof", AuditJson.hashes(proof.path()));
        body.set("checkpoint", AuditJson.checkpoint(proof.checkpoint()));
        body.put("origin", access.origin()).put("verifiedByNode", proof.verifiedByNode());
        return AuditJson.answer(body);
    }

    /** {@code GET /audit/api/messages/{messageId}}: the message's story, oldest first. */
    Answer story(AuditorRequest request) {
        String messageId = request.pathParameter("messageId");
        List<StoredRecord> story = Stories.of(log(), messageId);
        if (story.isEmpty()) {
            throw Refusal.notFound("no record has message id " + QueryParameters.printable(messageId));
        }
        ObjectNode body = AuditJson.object().put("messageId", messageId);
        body.set("records", AuditJson.stored(story));
        return AuditJson.answer(body);
    }

    /** {@code GET /audit/api/checkpoints}: every checkpoint, smallest tree first. */
    Answer checkpoints(AuditorRequest request) {
        ArrayNode all = AuditJson.JSON.createArrayNode();
        log().store().checkpoints().forEach(c -> all.add(AuditJson.checkpoint(c)));
        ObjectNode body = AuditJson.object().put("origin", access.origin()).put("size", log().size());
        body.set("checkpoints", all);
        return AuditJson.answer(body);
    }

    /** {@code GET /audit/api/consistency?first&second}: the proof that the larger tree extends the smaller. */
    Answer consistency(AuditorRequest request) {
        long size = log().size();
        Long first = request.query().number("first", 1, size);
        Long second = request.query().number("second", 1, size);
        if (first == null || second == null || first > second) {
            throw Refusal.badRequest("give tree sizes first and second, 1 <= first <= second <= " + size);
        }
        ObjectNode body = AuditJson.object().put("first", first).put("second", second)
                .put("firstRoot", AuditJson.base64(log().tree().root(first)))
                .put("secondRoot", AuditJson.base64(log().tree().root(second)));
        body.set("proof", AuditJson.hashes(log().consistency(first, second)));
        return AuditJson.answer(body);
    }

    /** {@code GET /audit/api/data-subjects/{nationalId}/report}: the citizen data-access report. */
    Answer report(AuditorRequest request) {
        DataAccessReport report = DataAccessReport.of(log(), catalogue.get(), request.pathParameter("nationalId"),
                request.query().number("after", 0, Long.MAX_VALUE));
        ArrayNode accesses = AuditJson.JSON.createArrayNode();
        for (DataAccessReport.Access a : report.accesses()) {
            ObjectNode entry = accesses.addObject().put("seq", a.seq()).put("at", a.at().toString());
            ObjectNode institution = entry.putObject("institution").put("id", a.client());
            names(institution.putObject("name"), a.institution());
            names(institution.putObject("system"), a.system());
            ObjectNode service = entry.putObject("service").put("id", a.service());
            names(service.putObject("name"), a.serviceName());
            entry.put("purpose", a.purpose()).put("outcome", a.answered() ? "answered" : "refused")
                    .put("status", a.status()).put("errorCode", a.errorCode());
        }
        ObjectNode body = AuditJson.object().put("nationalId", report.nationalId());
        body.set("accesses", accesses);
        body.put("next", report.next());
        return AuditJson.answer(body);
    }

    private static void names(ObjectNode node, BilingualText text) {
        node.put("ar", text.ar()).put("en", text.en());
    }
}
