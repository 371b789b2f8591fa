package ps.takamul.routes.metadata;

import ps.takamul.routes.page.Language;
import ps.takamul.routes.page.Html;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.catalogue.Member;
import ps.takamul.core.catalogue.ServiceDescription;
import ps.takamul.core.catalogue.ServiceKind;
import ps.takamul.core.catalogue.ServiceProtocol;
import ps.takamul.core.catalogue.Subsystem;
import ps.takamul.core.identifier.SubsystemId;

/**
 * The catalogue for people: {@code GET /catalogue}, Arabic and right-to-left by default,
 * {@code ?lang=en} for English. Members, their subsystems and their services, each service with
 * its name, protocol, version and a link to its interface document. One self-contained page: no
 * script, no external resource (the Content-Security-Policy forbids them), every text escaped.
 */
final class CataloguePage implements Processor {
    static final String PATH = "/catalogue";
    /** Only the page's own inline style may apply; nothing is loaded from anywhere. */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final String STYLE = """
            body{margin:0;font-family:system-ui,"Noto Naskh Arabic","Noto Sans",sans-serif;line-height:1.5;color:#1b1b1b;background:#f5f6f8}
            header{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:1rem;padding:.8rem 1.5rem;background:#0b5d3b;color:#fff}
            header h1{margin:0;font-size:1.4rem}header a{color:#fff;font-weight:bold}
            main{max-width:72rem;margin:0 auto;padding:.5rem 1.5rem 2rem}
            .member{margin:1rem 0;padding:.3rem 1rem 1rem;background:#fff;border:1px solid #d6dbe1;border-radius:6px}
            h2{font-size:1.25rem}h3{margin:.8rem 0 .3rem;font-size:1.05rem}
            .id{font-family:ui-monospace,monospace;font-size:.85em;color:#555;unicode-bidi:isolate}
            table{width:100%;border-collapse:collapse}th,td{padding:.35rem .5rem;border-bottom:1px solid #e4e7eb;text-align:start;vertical-align:top}
            th{font-size:.9rem;color:#444}.description,.owner{margin:.2rem 0 0;color:#444;font-size:.9rem}.none{color:#666}
            """;

    private final Supplier<Catalogue> catalogue;
    private final ContractDocuments contracts;

    CataloguePage(Supplier<Catalogue> catalogue, ContractDocuments contracts) {
        this.catalogue = catalogue;
        this.contracts = contracts;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        MetadataAnswers.requireGet(in, "the catalogue page");
        Language language = Language.of(MetadataAnswers.queryParameter(in, "lang"));
        byte[] page = render(catalogue.get(), language).getBytes(StandardCharsets.UTF_8);
        Message answer = MetadataAnswers.answer(exchange, "text/html; charset=UTF-8", page);
        answer.setHeader("Content-Language", language.tag);
        answer.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        answer.setHeader("X-Content-Type-Options", "nosniff");
    }

    String render(Catalogue current, Language language) {
        PageText text = PageText.of(language);
        Language other = language.other();
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(language.tag).append("\" dir=\"").append(language.direction)
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(Html.escape(text.title())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<header><h1>")
                .append(Html.escape(text.title())).append("</h1><nav><a id=\"language-switch\" href=\"").append(PATH)
                .append(other == Language.EN ? "?lang=en" : "").append("\" lang=\"").append(other.tag).append("\" hreflang=\"")
                .append(other.tag).append("\">").append(Html.escape(PageText.of(other).switchLabel())).append("</a></nav></header>\n<main>\n<p>")
                .append(Html.escape(text.intro())).append("</p>\n");
        current.members().stream().sorted(Comparator.comparing((Member m) -> m.id().toString()))
                .forEach(m -> member(html, current, m, language, text));
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    private void member(StringBuilder html, Catalogue current, Member member, Language language, PageText text) {
        html.append("<section class=\"member\" data-member=\"").append(Html.escape(member.id().toString())).append("\">\n<h2><span class=\"name\">")
                .append(Html.escape(language.pick(member.name()))).append("</span> ").append(Html.id(member.id().toString())).append("</h2>\n");
        for (Subsystem subsystem : member.subsystems()) {
            String name = language.pick(subsystem.name());
            html.append("<section class=\"subsystem\" data-subsystem=\"").append(Html.escape(subsystem.id().toString())).append("\">\n<h3>");
            if (!name.isEmpty()) {
                html.append("<span class=\"name\">").append(Html.escape(name)).append("</span> ");
            }
            html.append(Html.id(subsystem.code())).append("</h3>\n");
            services(html, services(current, subsystem.id()), language, text);
            html.append("</section>\n");
        }
        html.append("</section>\n");
    }

    private void services(StringBuilder html, List<ServiceDescription> services, Language language, PageText text) {
        if (services.isEmpty()) {
            html.append("<p class=\"none\">").append(Html.escape(text.noServices())).append("</p>\n");
            return;
        }
        html.append("<table>\n<thead><tr><th>").append(Html.escape(text.service())).append("</th><th>")
                .append(Html.escape(text.protocol())).append("</th><th>").append(Html.escape(text.version())).append("</th><th>")
                .append(Html.escape(text.contract())).append("</th></tr></thead>\n<tbody>\n");
        for (ServiceDescription s : services) {
            html.append("<tr class=\"service\" data-service=\"").append(Html.escape(s.id().toString())).append("\"><td><span class=\"service-name\">")
                    .append(Html.escape(language.pick(s.name()))).append("</span> ").append(Html.id(s.id().serviceCode()));
            String description = language.pick(s.description());
            if (!description.isEmpty()) {
                html.append("<p class=\"description\">").append(Html.escape(description)).append("</p>");
            }
            if (s.owner() != null) {
                html.append("<p class=\"owner\">").append(Html.escape(text.owner())).append(": ")
                        .append(Html.escape(language.pick(s.owner().unit())));
                if (s.owner().contact() != null && !s.owner().contact().isEmpty()) {
                    html.append(" · ").append(Html.id(s.owner().contact()));
                }
                html.append("</p>");
            }
            html.append("</td><td>").append(s.protocol()).append(s.kind() == ServiceKind.NOTIFICATION
                    ? " · " + Html.escape(text.notification()) : "").append("</td><td>")
                    .append(s.id().version() == null ? "" : Html.id(s.id().version())).append("</td><td>");
            if (contracts.publishes(s)) {
                html.append("<a class=\"contract\" href=\"").append(Html.escape(ContractPage.PATH + "/" + s.id())).append("\">")
                        .append(s.protocol() == ServiceProtocol.SOAP ? "WSDL" : "OpenAPI").append("</a>");
            } else {
                html.append("<span class=\"none\">").append(Html.escape(text.noContract())).append("</span>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static List<ServiceDescription> services(Catalogue current, SubsystemId subsystem) {
        return current.services().stream().filter(s -> s.id().subsystem().equals(subsystem))
                .sorted(Comparator.comparing((ServiceDescription s) -> s.id().toString())).toList();
    }
}
