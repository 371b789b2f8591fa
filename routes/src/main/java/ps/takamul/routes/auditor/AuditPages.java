package ps.takamul.routes.auditor;

import ps.takamul.routes.page.Language;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * What the auditor pages share: the frame (language, direction, header and navigation), the
 * style, and the Content-Security-Policy. A page loads nothing from anywhere; the one script (the
 * record page's proof check) is allowed by its hash, so nothing injected could run.
 */
final class AuditPages {
    static final String MEDIA_TYPE = "text/html; charset=UTF-8";
    private static final String STYLE = """
            body{margin:0;font-family:system-ui,"Noto Naskh Arabic","Noto Sans",sans-serif;line-height:1.5;color:#1b1b1b;background:#f5f6f8}
            header{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:1rem;padding:.8rem 1.5rem;background:#3b2f63;color:#fff}
            header h1{margin:0;font-size:1.3rem}header nav a{color:#fff;font-weight:bold;margin-inline-start:1rem}
            main{max-width:80rem;margin:0 auto;padding:.5rem 1.5rem 2rem}
            section{margin:1rem 0;padding:.3rem 1rem 1rem;background:#fff;border:1px solid #d6dbe1;border-radius:6px}
            h2{font-size:1.2rem}.id{font-family:ui-monospace,monospace;font-size:.85em;color:#444;unicode-bidi:isolate;overflow-wrap:anywhere}
            table{width:100%;border-collapse:collapse}th,td{padding:.3rem .5rem;border-bottom:1px solid #e4e7eb;text-align:start;vertical-align:top}
            th{font-size:.9rem;color:#444}form{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.5rem 1rem}
            label{display:flex;flex-direction:column;font-size:.9rem}input{font:inherit;padding:.25rem}
            .actions{display:flex;gap:1rem;align-items:end}.none{color:#666}.current{background:#fff7d6}
            .refused{color:#9b1c1c}.answered{color:#0b5d3b}.verified{color:#0b5d3b;font-weight:bold}.failed{color:#9b1c1c;font-weight:bold}
            .names{display:block}.time{white-space:nowrap}.proof li{font-family:ui-monospace,monospace;font-size:.85em;overflow-wrap:anywhere}
            """;

    private AuditPages() {
    }

    /** The page up to the start of its content; {@code path} and {@code parameters} make its address in the other language. */
    static StringBuilder begin(Language language, String title, String path, Map<String, String> parameters) {
        Language other = language.other();
        StringBuilder html = new StringBuilder(16384);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(language.tag).append("\" dir=\"").append(language.direction)
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n<title>").append(PageHtml.escape(title))
                .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<header><h1>")
                .append(PageHtml.escape(language.say("سجل التدقيق في تكامل", "Takamul audit log"))).append("</h1><nav>")
                .append("<a id=\"nav-search\" href=\"").append(PageHtml.href(AuditorRoutes.PAGE, Map.of(), language)).append("\">")
                .append(PageHtml.escape(language.say("البحث في السجل", "Search the log"))).append("</a>")
                .append("<a id=\"nav-report\" href=\"").append(PageHtml.href(AuditorRoutes.REPORT_PAGE, Map.of(), language)).append("\">")
                .append(PageHtml.escape(language.say("تقرير الوصول إلى بيانات مواطن", "Citizen data-access report"))).append("</a>")
                .append("<a id=\"language-switch\" lang=\"").append(other.tag).append("\" hreflang=\"").append(other.tag)
                .append("\" href=\"").append(PageHtml.href(path, parameters, other)).append("\">")
                .append(other == Language.EN ? "English" : "العربية").append("</a></nav></header>\n<main>\n<h2 id=\"title\">")
                .append(PageHtml.escape(title)).append("</h2>\n");
        return html;
    }

    static Answer finish(StringBuilder html, Language language, String script) {
        String scripts = "";
        if (script != null) {
            html.append("<script>").append(script).append("</script>\n");
            scripts = "; script-src 'sha256-" + sha256(script) + "'";
        }
        html.append("</main>\n</body>\n</html>\n");
        return Answer.ok(MEDIA_TYPE, html.toString().getBytes(StandardCharsets.UTF_8))
                .header("Content-Language", language.tag)
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'" + scripts
                        + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    }

    /** A refusal as a page: what went wrong, and its code. */
    static Answer refused(Refusal refusal, Language language) {
        String title = switch (refusal.status) {
            case 401 -> language.say("يلزم تسجيل الدخول", "Sign-in required");
            case 403 -> language.say("دورك لا يسمح بهذه الصفحة", "Your role does not allow this page");
            case 404 -> language.say("غير موجود", "Not found");
            case 503 -> language.say("سجل التدقيق غير متاح الآن", "The audit log is unavailable now");
            default -> language.say("طلب غير مقبول", "Request refused");
        };
        StringBuilder html = begin(language, title, AuditorRoutes.PAGE, Map.of());
        html.append("<section id=\"refusal\" data-code=\"").append(PageHtml.escape(refusal.code)).append("\"><p>")
                .append(PageHtml.text(refusal.getMessage())).append("</p><p>").append(PageHtml.code(refusal.code))
                .append("</p></section>\n");
        Answer page = finish(html, language, null);
        return new Answer(refusal.status, page.contentType(), page.bytes(), null, page.headers());
    }

    private static String sha256(String script) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
