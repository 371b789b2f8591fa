package ps.takamul.routes.auditor;

import ps.takamul.routes.page.Language;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import ps.takamul.audit.AuditLog;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.audit.store.AuditPage;
import ps.takamul.audit.store.StoredRecord;
import ps.takamul.core.catalogue.Catalogue;

/**
 * {@code GET /audit}: the search form (time range, client, service, message id, user id, national
 * ID, outcome), one page of the matching records, newest first, with a link to the next page, and
 * links to export the log as a bundle.
 */
final class SearchPage {
    private final Supplier<AuditLog> log;
    private final Supplier<Catalogue> catalogue;

    SearchPage(Supplier<AuditLog> log, Supplier<Catalogue> catalogue) {
        this.log = log;
        this.catalogue = catalogue;
    }

    Answer answer(AuditorRequest request) {
        Language l = request.language();
        AuditPage page = log.get().store().search(RecordFilters.page(request.query()));
        Map<String, String> fields = new LinkedHashMap<>(request.query().all());
        fields.remove("after");
        StringBuilder html = AuditPages.begin(l, l.say("البحث في سجل التدقيق", "Search the audit log"), AuditorRoutes.PAGE,
                request.query().all());
        form(html, fields, l);
        results(html, "results", page.records(), catalogue.get(), l);
        if (page.next() != null) {
            Map<String, String> next = new LinkedHashMap<>(fields);
            next.put("after", Long.toString(page.next()));
            html.append("<p><a id=\"next\" href=\"").append(PageHtml.href(AuditorRoutes.PAGE, next, l)).append("\">")
                    .append(PageHtml.escape(l.say("الصفحة التالية", "Next page"))).append("</a></p>\n");
        }
        exports(html, page.records(), l);
        return AuditPages.finish(html, l, null);
    }

    private static void form(StringBuilder html, Map<String, String> fields, Language l) {
        html.append("<section><form id=\"search\" method=\"get\" action=\"").append(AuditorRoutes.PAGE).append("\">\n");
        input(html, "from", "datetime-local", l.say("من (UTC)", "From (UTC)"), fields);
        input(html, "to", "datetime-local", l.say("إلى (UTC)", "To (UTC)"), fields);
        input(html, "client", "text", l.say("الجهة الطالبة (معرّف العميل)", "Client id"), fields);
        input(html, "service", "text", l.say("الخدمة (معرّف الخدمة)", "Service id"), fields);
        input(html, "messageId", "text", l.say("معرّف الرسالة", "Message id"), fields);
        input(html, "userId", "text", l.say("معرّف المستخدم", "User id"), fields);
        input(html, "nationalId", "text", l.say("رقم الهوية الوطنية", "National ID"), fields);
        input(html, "outcome", "text", l.say("النتيجة (رمز HTTP أو رمز الخطأ)", "Outcome (HTTP status or error code)"), fields);
        if (l == Language.EN) {
            html.append("<input type=\"hidden\" name=\"lang\" value=\"en\">\n");
        }
        html.append("<div class=\"actions\"><button id=\"search-button\" type=\"submit\">")
                .append(PageHtml.escape(l.say("بحث", "Search"))).append("</button></div>\n</form></section>\n");
    }

    private static void input(StringBuilder html, String name, String type, String label, Map<String, String> fields) {
        String value = fields.getOrDefault(name, "");
        html.append("<label>").append(PageHtml.escape(label)).append("<input type=\"").append(type).append("\" name=\"")
                .append(name).append("\" id=\"field-").append(name).append("\" dir=\"").append(name.equals("nationalId")
                        || type.equals("datetime-local") ? "ltr" : "auto").append('"');
        if (type.equals("datetime-local")) {
            html.append(" step=\"1\"");
            value = value.endsWith("Z") ? value.substring(0, value.length() - 1) : value;
        }
        html.append(" value=\"").append(PageHtml.escape(value)).append("\"></label>\n");
    }

    static void results(StringBuilder html, String id, List<StoredRecord> records, Catalogue catalogue, Language l) {
        html.append("<section>\n");
        if (records.isEmpty()) {
            html.append("<p id=\"no-results\" class=\"none\">").append(PageHtml.escape(l.say("لا توجد سجلات مطابقة.",
                    "No matching records."))).append("</p>\n</section>\n");
            return;
        }
        html.append("<table id=\"").append(id).append("\">\n<thead><tr><th>#</th><th>").append(PageHtml.escape(l.say("الوقت", "Time")))
                .append("</th><th>").append(PageHtml.escape(l.say("النوع", "Kind"))).append("</th><th>")
                .append(PageHtml.escape(l.say("الجهة الطالبة", "Client"))).append("</th><th>")
                .append(PageHtml.escape(l.say("الخدمة", "Service"))).append("</th><th>")
                .append(PageHtml.escape(l.say("الغرض", "Purpose"))).append("</th><th>")
                .append(PageHtml.escape(l.say("رقم الهوية", "National ID"))).append("</th><th>")
                .append(PageHtml.escape(l.say("النتيجة", "Outcome"))).append("</th></tr></thead>\n<tbody>\n");
        for (StoredRecord stored : records) {
            AuditRecord r = stored.record();
            html.append("<tr class=\"record\" data-seq=\"").append(stored.sequence()).append("\"><td><a class=\"seq\" href=\"")
                    .append(PageHtml.href(AuditorRoutes.RECORD_PAGE_PREFIX + stored.sequence(), Map.of(), l)).append("\">")
                    .append(stored.sequence()).append("</a></td><td>").append(PageHtml.time(r.at())).append("</td><td>")
                    .append(r.kind().name()).append("</td><td class=\"client\">");
            names(html, l.pick(CatalogueNames.institution(catalogue, r.client())), l.pick(CatalogueNames.system(catalogue, r.client())), r.client());
            html.append("</td><td class=\"service\">");
            names(html, l.pick(CatalogueNames.service(catalogue, r.service())), "", r.service());
            html.append("</td><td class=\"purpose\">").append(PageHtml.text(r.purpose())).append("</td><td class=\"subject\">")
                    .append(r.dataSubject() == null ? "" : PageHtml.code(r.dataSubject())).append("</td><td>");
            outcome(html, r);
            html.append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    /** A client or service: its names where the catalogue has them, then its id. */
    static void names(StringBuilder html, String name, String system, String id) {
        if (!name.isEmpty()) {
            html.append("<span class=\"names\">").append(PageHtml.escape(name));
            if (!system.isEmpty()) {
                html.append(" · ").append(PageHtml.escape(system));
            }
            html.append("</span>");
        }
        if (id != null) {
            html.append(PageHtml.code(id));
        }
    }

    static void outcome(StringBuilder html, AuditRecord r) {
        boolean refused = r.errorCode() != null || r.status() >= 400;
        html.append("<span class=\"").append(refused ? "refused" : "answered").append("\">").append(r.status());
        if (r.errorCode() != null) {
            html.append(' ').append(PageHtml.code(r.errorCode()));
        }
        html.append("</span>");
    }

    private static void exports(StringBuilder html, List<StoredRecord> shown, Language l) {
        html.append("<section id=\"exports\"><p><a id=\"export-all\" href=\"").append(AuditorRoutes.API).append("/export\">")
                .append(PageHtml.escape(l.say("تصدير السجل كاملاً (حزمة قابلة للتحقق)", "Export the whole log (verifiable bundle)")))
                .append("</a>");
        if (!shown.isEmpty()) {
            long low = shown.stream().mapToLong(StoredRecord::sequence).min().orElseThrow();
            long high = shown.stream().mapToLong(StoredRecord::sequence).max().orElseThrow();
            Map<String, String> range = new LinkedHashMap<>();
            range.put("from", Long.toString(low));
            range.put("to", Long.toString(high + 1));
            html.append(" · <a id=\"export-shown\" href=\"").append(PageHtml.href(AuditorRoutes.API + "/export", range, Language.AR))
                    .append("\">").append(PageHtml.escape(l.say("تصدير السجلات من " + low + " إلى " + high,
                            "Export records " + low + " to " + high))).append("</a>");
        }
        html.append("</p></section>\n");
    }
}
