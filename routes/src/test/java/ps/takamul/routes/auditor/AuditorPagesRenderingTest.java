package ps.takamul.routes.auditor;

import static org.assertj.core.api.Assertions.assertThat;
import static ps.takamul.routes.auditor.AuditorTestNode.HEALTH;
import static ps.takamul.routes.auditor.AuditorTestNode.PERSON_BY_ID;
import static ps.takamul.routes.auditor.AuditorTestNode.exchange;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages as bytes (the browser tests in the node module look at them as a person does):
 * Arabic byte for byte, every text escaped, nothing but the page's own script allowed to run.
 */
class AuditorPagesRenderingTest {
    static final String CITIZEN = "401234567";
    static final String PURPOSE = "علاج مريض <script>alert('x')</script> & \"متابعة\"";

    @TempDir
    static Path dir;
    static AuditorTestNode node;
    static long seq;

    @BeforeAll
    static void start() throws Exception {
        node = new AuditorTestNode(dir);
        seq = node.append(exchange(Instant.parse("2026-03-01T08:00:00Z"), "m-<1>", HEALTH, PERSON_BY_ID, CITIZEN, PURPOSE, 200, null));
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    @Test
    void theSearchPageIsArabicRightToLeftWithEverythingEscaped() throws Exception {
        HttpResponse<byte[]> response = node.get("/audit?nationalId=" + CITIZEN);
        String html = new String(response.body(), StandardCharsets.UTF_8);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
        assertThat(response.headers().firstValue("Content-Language")).hasValue("ar");
        assertThat(html).contains("<html lang=\"ar\" dir=\"rtl\">");
        assertThat(html).contains("علاج مريض &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;متابعة&quot;")
                .doesNotContain("<script>alert");
        assertThat(html).contains("وزارة الصحة").contains("السجلات الصحية").contains("بيانات شخص");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).startsWith("default-src 'none'").doesNotContain("script-src"));
    }

    @Test
    void theEnglishPageIsLeftToRight() throws Exception {
        String html = new String(node.get("/audit?lang=en").body(), StandardCharsets.UTF_8);

        assertThat(html).contains("<html lang=\"en\" dir=\"ltr\">").contains("Ministry of Health").contains("lang=\"ar\"");
    }

    @Test
    void theRecordPagesOnlyScriptIsTheOneItsPolicyNamesByHash() throws Exception {
        HttpResponse<byte[]> response = node.get("/audit/records/" + seq);
        String html = new String(response.body(), StandardCharsets.UTF_8);

        Matcher scripts = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(scripts.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(scripts.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(scripts.find()).as("one script").isFalse();
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'sha256-" + hash + "'"));
        assertThat(html).contains("m-&lt;1&gt;").doesNotContain("m-<1>");
        assertThat(html).contains("data-canonical=\"" + Base64.getEncoder().encodeToString(
                node.log.store().read(seq).orElseThrow().canonical()) + "\"");
    }

    @Test
    void withoutCredentialsAPageThatSaysSo() throws Exception {
        HttpResponse<byte[]> response = node.get("/audit/report?lang=en", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("Sign-in required").contains("Client.Unauthenticated");
    }
}
