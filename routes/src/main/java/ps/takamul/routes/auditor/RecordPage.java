package ps.takamul.routes.auditor;

import ps.takamul.routes.page.Language;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import ps.takamul.audit.AuditLog;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.core.catalogue.Catalogue;

/**
 * {@code GET /audit/records/{seq}}: one record with every field, its message's story across the
 * node's hops, and its inclusion proof with two checks of it: the node's own, labelled as such,
 * and one the browser computes with WebCrypto from the record's canonical bytes, the path and the
 * checkpoint's root, so that the auditor need not take the node's word. (WebCrypto needs a secure
 * context: HTTPS, or the node's loopback address; elsewhere the page says it cannot check.)
 */
final class RecordPage {
    /** RFC 9162 inclusion verification (section 2.1.3.2), as MerkleProofs does it on the server. */
    static final String SCRIPT = """
            (() => {
              const bytes = s => Uint8Array.from(atob(s), c => c.charCodeAt(0));
              const sha256 = async (...parts) => {
                const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
                let at = 0;
                for (const p of parts) { all.set(p, at); at += p.length; }
                return new Uint8Array(await crypto.subtle.digest('SHA-256', all));
              };
              const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
              const LEAF = new Uint8Array([0]), NODE = new Uint8Array([1]);
              async function verify(data) {
                const leaf = await sha256(LEAF, bytes(data.canonical));
                if (!same(leaf, bytes(data.leaf))) return false;
                let fn = Number(data.index), sn = Number(data.size) - 1, r = leaf;
                if (!(fn >= 0 && fn <= sn)) return false;
                for (const p of (data.path ? data.path.split(' ') : []).map(bytes)) {
                  if (sn === 0) return false;
                  if (fn % 2 === 1 || fn === sn) {
                    r = await sha256(NODE, p, r);
                    while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
                  } else {
                    r = await sha256(NODE, r, p);
                  }
                  fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
                }
                return sn === 0 && same(r, bytes(data.root));
              }
              window.takamulAudit = { verify };
              const out = document.getElementById('browser-check');
              const proof = document.getElementById('proof');
              if (!out || !proof) return;
              const show = result => { out.textContent = out.dataset[result]; out.className = result; out.dataset.result = result; };
              if (!(window.isSecureContext && window.crypto && crypto.subtle)) { show('unavailable'); return; }
              verify(proof.dataset).then(ok => show(ok ? 'verified' : 'failed'), () => show('failed'));
            })();
            """;

    private final Supplier<AuditLog> log;
    private final Supplier<Catalogue> catalogue;

    RecordPage(Supplier<AuditLog> log, Supplier<Catalogue> catalogue) {
        this.log = log;
        this.catalogue = catalogue;
    }

    Answer answer(AuditorRequest request) {
        Language l = request.language();
        long seq = request.sequence("seq");
        RecordProof proof = RecordProof.of(log.get(), seq);
        AuditRecord record = proof.record().record();
        Catalogue current = catalogue.get();
        StringBuilder html = AuditPages.begin(l, l.say("السجل رقم ", "Record ") + seq,
                AuditorRoutes.RECORD_PAGE_PREFIX + seq, request.query().all());
        fields(html, proof, record, current, l);
        if (record.messageId() != null) {
            html.append("<section id=\"story\"><h2>").append(PageHtml.escape(l.say("مسار الرسالة", "The message's story")))
                    .append("</h2>\n");
            SearchPage.results(html, "story-records", Stories.of(log.get(), record.messageId()), current, l);
            html.append("<p><a id=\"evidence\" href=\"").append(AuditorRoutes.API).append("/messages/")
                    .append(PageHtml.escape(URLEncoder.encode(record.messageId(), StandardCharsets.UTF_8).replace("+", "%20")))
                    .append("/evidence\">").append(PageHtml.escape(l.say("تنزيل حزمة الأدلة لهذه الرسالة", "Download this message's evidence bundle")))
                    .append("</a></p></section>\n");
        }
        proof(html, proof, l);
        return AuditPages.finish(html, l, SCRIPT);
    }

    private static void fields(StringBuilder html, RecordProof proof, AuditRecord record, Catalogue current, Language l) {
        html.append("<section><table id=\"fields\">\n<tr data-field=\"client-name\"><th>")
                .append(PageHtml.escape(l.say("الجهة الطالبة", "Client"))).append("</th><td>");
        SearchPage.names(html, l.pick(CatalogueNames.institution(current, record.client())),
                l.pick(CatalogueNames.system(current, record.client())), null);
        html.append("</td></tr>\n<tr data-field=\"service-name\"><th>").append(PageHtml.escape(l.say("الخدمة", "Service")))
                .append("</th><td>");
        SearchPage.names(html, l.pick(CatalogueNames.service(current, record.service())), "", null);
        html.append("</td></tr>\n<tr data-field=\"appendedAt\"><th>").append(PageHtml.code("appendedAt")).append("</th><td>")
                .append(PageHtml.code(proof.record().appendedAt().toString())).append("</td></tr>\n");
        JsonNode json = AuditJson.record(proof.record().canonical());
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            html.append("<tr data-field=\"").append(PageHtml.escape(field.getKey())).append("\"><th>")
                    .append(PageHtml.code(field.getKey())).append("</th><td>")
                    .append(value.isTextual() ? PageHtml.text(value.asText()) : PageHtml.code(value.toString()))
                    .append("</td></tr>\n");
        }
        html.append("</table></section>\n");
    }

    private static void proof(StringBuilder html, RecordProof proof, Language l) {
        List<String> path = proof.path().stream().map(AuditJson::base64).toList();
        var checkpoint = proof.checkpoint();
        html.append("<section id=\"proof\" data-index=\"").append(proof.record().sequence())
                .append("\" data-size=\"").append(checkpoint.treeSize())
                .append("\" data-canonical=\"").append(AuditJson.base64(proof.record().canonical()))
                .append("\" data-leaf=\"").append(AuditJson.base64(proof.leafHash()))
                .append("\" data-root=\"").append(AuditJson.base64(checkpoint.rootHash()))
                .append("\" data-path=\"").append(String.join(" ", path)).append("\"><h2>")
                .append(PageHtml.escape(l.say("إثبات الإدراج في الشجرة", "Proof of inclusion"))).append("</h2>\n<table>\n");
        row(html, l.say("بصمة الورقة", "Leaf hash"), PageHtml.code(AuditJson.base64(proof.leafHash())));
        row(html, l.say("حجم الشجرة في نقطة التحقق", "Checkpoint tree size"), PageHtml.code(Long.toString(checkpoint.treeSize())));
        row(html, l.say("جذر الشجرة", "Root hash"), PageHtml.code(AuditJson.base64(checkpoint.rootHash())));
        row(html, l.say("وقت نقطة التحقق", "Checkpoint time"), PageHtml.code(checkpoint.at().toString()));
        row(html, l.say("التوقيع", "Signature"), PageHtml.escape(checkpoint.signature().length > 0
                ? l.say("موقّعة (يتحقق منها المدقق دون اتصال)", "signed (verify offline with the bundle verifier)")
                : l.say("غير موقّعة", "unsigned")));
        row(html, l.say("الختم الزمني", "Timestamp"), PageHtml.escape(checkpoint.timestampToken().length > 0
                ? l.say("مختومة زمنياً (RFC 3161)", "time-stamped (RFC 3161)") : l.say("بلا ختم زمني", "none")));
        html.append("</table>\n<p>").append(PageHtml.escape(l.say("مسار الإثبات:", "Proof path:"))).append("</p>\n<ol class=\"proof\">");
        path.forEach(h -> html.append("<li dir=\"ltr\">").append(h).append("</li>"));
        html.append("</ol>\n<p id=\"node-check\" class=\"").append(proof.verifiedByNode() ? "verified" : "failed")
                .append("\" data-result=\"").append(proof.verifiedByNode() ? "verified" : "failed").append("\">")
                .append(PageHtml.escape(proof.verifiedByNode()
                        ? l.say("تحقق الخادم: المسار يوصل السجل إلى جذر نقطة التحقق.", "Server-side check (by this node): the path leads from the record to the checkpoint's root.")
                        : l.say("تحقق الخادم: المسار لا يوصل إلى الجذر!", "Server-side check (by this node): the path does NOT lead to the root!")))
                .append("</p>\n<p id=\"browser-check\" data-result=\"pending\" data-verified=\"")
                .append(PageHtml.escape(l.say("تحقق المتصفح (WebCrypto): حسب متصفحك البصمات بنفسه، والسجل مدرج في الشجرة.",
                        "Browser check (WebCrypto): your browser computed the hashes itself; the record is in the tree.")))
                .append("\" data-failed=\"").append(PageHtml.escape(l.say("تحقق المتصفح: الإثبات لا يتطابق مع الجذر!",
                        "Browser check: the proof does NOT match the root!")))
                .append("\" data-unavailable=\"").append(PageHtml.escape(l.say("لا يستطيع المتصفح التحقق هنا (ليس سياقاً آمناً: استخدم HTTPS).",
                        "Your browser cannot check here (not a secure context: use HTTPS).")))
                .append("\">").append(PageHtml.escape(l.say("جارٍ التحقق في المتصفح…", "Checking in the browser…")))
                .append("</p>\n<p><a id=\"record-json\" href=\"").append(AuditorRoutes.API).append("/records/")
                .append(proof.record().sequence()).append("\">JSON</a></p>\n</section>\n");
    }

    private static void row(StringBuilder html, String label, String valueHtml) {
        html.append("<tr><th>").append(PageHtml.escape(label)).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }
}
