package ps.takamul.routes.auditor;

import ps.takamul.routes.page.Html;

import ps.takamul.routes.page.Language;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Escaping for the auditor pages: every text from a record, the catalogue or a request goes through it. */
final class PageHtml {
    private PageHtml() {
    }

    static String escape(String text) {
        return Html.escape(text);
    }

    /** An identifier, hash or time: isolated left to right so an Arabic page does not reorder its parts. */
    static String code(String text) {
        return Html.id(text);
    }

    /** A time, ISO-8601 UTC, kept on one line. */
    static String time(java.time.Instant at) {
        return "<span class=\"id time\" dir=\"ltr\">" + escape(at.toString()) + "</span>";
    }

    /** Free text such as a purpose, laid out in its own direction (Arabic right to left). */
    static String text(String text) {
        return "<span dir=\"auto\">" + escape(text) + "</span>";
    }

    /** A link's address: the path, the parameters given (empty ones left out) and the language. */
    static String href(String path, Map<String, String> parameters, Language language) {
        StringBuilder url = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (p.getValue() != null && !p.getValue().isEmpty() && !p.getKey().equals("lang")) {
                url.append(separator).append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        if (language == Language.EN) {
            url.append(separator).append("lang=en");
        }
        return escape(url.toString());
    }
}
