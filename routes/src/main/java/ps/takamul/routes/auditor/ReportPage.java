package ps.takamul.routes.auditor;

import ps.takamul.routes.page.Language;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import ps.takamul.audit.AuditLog;
import ps.takamul.core.catalogue.Catalogue;

/**
 * {@code GET /audit/report?nationalId=…}: the citizen data-access report as a page a data
 * protection officer can print and hand over: for one national ID, which institution asked for
 * data about the person, through which service, when, for what stated purpose, and whether it was
 * given. Institutions and services are named in the page's language; ids follow for the record.
 */
final class ReportPage {
    private final Supplier<AuditLog> log;
    private final Supplier<Catalogue> catalogue;

    ReportPage(Supplier<AuditLog> log, Supplier<Catalogue> catalogue) {
        this.log = log;
        this.catalogue = catalogue;
    }

    Answer answer(AuditorRequest request) {
        Language l = request.language();
        String nationalId = request.query().text("nationalId");
        StringBuilder html = AuditPages.begin(l, l.say("تقرير الوصول إلى بيانات مواطن", "Citizen data-access report"),
                AuditorRoutes.REPORT_PAGE, request.query().all());
        html.append("<section><form id=\"report-form\" method=\"get\" action=\"").append(AuditorRoutes.REPORT_PAGE)
                .append("\"><label>").append(PageHtml.escape(l.say("رقم الهوية الوطنية", "National ID")))
                .append("<input type=\"text\" name=\"nationalId\" id=\"field-nationalId\" dir=\"ltr\" value=\"")
                .append(PageHtml.escape(nationalId)).append("\"></label>");
        if (l == Language.EN) {
            html.append("<input type=\"hidden\" name=\"lang\" value=\"en\">");
        }
        html.append("<div class=\"actions\"><button id=\"report-button\" type=\"submit\">")
                .append(PageHtml.escape(l.say("عرض التقرير", "Show the report"))).append("</button></div></form></section>\n");
        if (nationalId != null) {
            report(html, DataAccessReport.of(log.get(), catalogue.get(), nationalId, request.query().number("after", 0, Long.MAX_VALUE)), l);
        }
        return AuditPages.finish(html, l, null);
    }

    private static void report(StringBuilder html, DataAccessReport report, Language l) {
        html.append("<section id=\"report\" data-national-id=\"").append(PageHtml.escape(report.nationalId())).append("\"><p>")
                .append(PageHtml.escape(l.say("طلبات البيانات الخاصة بصاحب رقم الهوية ", "Requests for data about the holder of national ID ")))
                .append(PageHtml.code(report.nationalId())).append(PageHtml.escape(l.say("، الأحدث أولاً.", ", newest first."))).append("</p>\n");
        if (report.accesses().isEmpty()) {
            html.append("<p id=\"no-accesses\" class=\"none\">").append(PageHtml.escape(l.say("لا توجد طلبات مسجلة.",
                    "No requests are recorded."))).append("</p></section>\n");
            return;
        }
        html.append("<table id=\"accesses\">\n<thead><tr><th>").append(PageHtml.escape(l.say("الوقت", "Time"))).append("</th><th>")
                .append(PageHtml.escape(l.say("الجهة", "Institution"))).append("</th><th>")
                .append(PageHtml.escape(l.say("الخدمة", "Service"))).append("</th><th>")
                .append(PageHtml.escape(l.say("الغرض المعلن", "Stated purpose"))).append("</th><th>")
                .append(PageHtml.escape(l.say("النتيجة", "Outcome"))).append("</th></tr></thead>\n<tbody>\n");
        for (DataAccessReport.Access a : report.accesses()) {
            html.append("<tr class=\"access\" data-seq=\"").append(a.seq()).append("\"><td>").append(PageHtml.time(a.at()))
                    .append("</td><td class=\"institution\">");
            SearchPage.names(html, l.pick(a.institution()), l.pick(a.system()), a.client());
            html.append("</td><td class=\"service\">");
            SearchPage.names(html, l.pick(a.serviceName()), "", a.service());
            html.append("</td><td class=\"purpose\">").append(PageHtml.text(a.purpose())).append("</td><td class=\"")
                    .append(a.answered() ? "answered" : "refused").append("\">")
                    .append(PageHtml.escape(a.answered() ? l.say("قُدّمت البيانات", "data given") : l.say("رُفض الطلب", "refused")));
            if (a.errorCode() != null) {
                html.append(' ').append(PageHtml.code(a.errorCode()));
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (report.next() != null) {
            Map<String, String> next = new LinkedHashMap<>();
            next.put("nationalId", report.nationalId());
            next.put("after", Long.toString(report.next()));
            html.append("<p><a id=\"next\" href=\"").append(PageHtml.href(AuditorRoutes.REPORT_PAGE, next, l)).append("\">")
                    .append(PageHtml.escape(l.say("الصفحة التالية", "Next page"))).append("</a></p>\n");
        }
        html.append("</section>\n");
    }
}
