package ps.takamul.node.auditor;

import static org.assertj.core.api.Assertions.assertThat;
import static ps.takamul.node.auditor.AuditorPagesNode.AUDITOR;
import static ps.takamul.node.auditor.AuditorPagesNode.AUDITOR_PASSWORD;
import static ps.takamul.node.auditor.AuditorPagesNode.DPO;
import static ps.takamul.node.auditor.AuditorPagesNode.DPO_PASSWORD;
import static ps.takamul.node.auditor.AuditorPagesNode.HEALTH;
import static ps.takamul.node.auditor.AuditorPagesNode.LABOUR;
import static ps.takamul.node.auditor.AuditorPagesNode.exchange;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.node.support.HeadlessBrowser;
import ps.takamul.node.support.LogCapture;

/**
 * The auditor pages in a real browser (headless chromium): a search by national ID that finds
 * that person's records with their Arabic purposes and institution names laid out right to left,
 * the English page left to right, a record whose inclusion proof the browser itself checks with
 * WebCrypto, the citizen report with the institutions' Arabic names, and no page without
 * credentials.
 *
 * <p>The credentials go in the address ({@code http://user:password@127.0.0.1:port/audit}):
 * chromium answers the 401 challenge with them for a top-level page and keeps them for the origin,
 * so the links and the search form that follow are authenticated as a person's browser would be
 * after typing them once into its prompt.
 */
class AuditorPagesTest {
    static final String CITIZEN = "401234567";
    static final String OTHER = "409999999";
    static final String HEALTH_PURPOSE = "علاج مريض في مستشفى رام الله الحكومي";
    static final String LABOUR_PURPOSE = "تصريح عمل";
    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    static Path dir;
    static AuditorPagesNode node;
    static HeadlessBrowser browser;
    static long health;
    static long healthHop;
    static long labour;
    static long other;

    @BeforeAll
    static void start() throws Exception {
        node = new AuditorPagesNode(dir);
        health = node.append(exchange(T0, "m-1", HEALTH, CITIZEN, HEALTH_PURPOSE, 200, null, "ingress"));
        other = node.append(exchange(T0.plusSeconds(5), "m-3", HEALTH, OTHER, "فحص دوري", 200, null, "ingress"));
        healthHop = node.append(exchange(T0.plusMillis(10), "m-1", HEALTH, CITIZEN, HEALTH_PURPOSE, 200, null, "provider"));
        labour = node.append(exchange(T0.plusSeconds(60), "m-2", LABOUR, CITIZEN, LABOUR_PURPOSE, 403, "Client.NoAgreement", "ingress"));
        browser = HeadlessBrowser.start();
        // Chromium keeps the auditor's credentials for the origin from here on.
        browser.open(node.url(AUDITOR, AUDITOR_PASSWORD, "/audit"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aSearchByNationalIdFindsThatPersonsRecordsWithArabicShownRightToLeft() {
        try (LogCapture operatorLog = new LogCapture("takamul.audit.access")) {
            browser.open(node.url("/audit"));
            assertThat(browser.documentAttribute("lang")).isEqualTo("ar");
            assertThat(browser.documentAttribute("dir")).isEqualTo("rtl");
            assertThat(direction(browser.find(By.tagName("body")))).isEqualTo("rtl");

            browser.find(By.id("field-nationalId")).sendKeys(CITIZEN);
            browser.clickAndWaitForNextPage(By.id("search-button"));

            assertThat(browser.currentUrl()).contains("nationalId=" + CITIZEN);
            List<WebElement> rows = browser.findAll(By.cssSelector("#results tr.record"));
            assertThat(rows).extracting(r -> Long.parseLong(r.getDomAttribute("data-seq"))).containsExactly(labour, healthHop, health);
            WebElement purpose = row(labour).findElement(By.cssSelector("td.purpose span"));
            assertThat(purpose.getText()).isEqualTo(LABOUR_PURPOSE);
            assertThat(direction(purpose)).as("an Arabic purpose is laid out right to left").isEqualTo("rtl");
            assertThat(row(labour).findElement(By.cssSelector("td.client .names")).getText()).isEqualTo("وزارة العمل · سجل العمال");
            assertThat(row(health).findElement(By.cssSelector("td.client .names")).getText()).startsWith("وزارة الصحة");
            assertThat(row(health).findElement(By.cssSelector("td.service .names")).getText()).isEqualTo("بيانات شخص");
            assertThat(row(labour).getText()).contains("Client.NoAgreement");
            assertThat(browser.find(By.id("field-nationalId")).getDomProperty("value")).isEqualTo(CITIZEN);
            assertThat(operatorLog.lines()).isNotEmpty().noneMatch(line -> line.contains(CITIZEN));
        }
    }

    @Test
    void theEnglishPageIsLeftToRightWithTheCataloguesEnglishNames() {
        browser.open(node.url("/audit?lang=en&nationalId=" + CITIZEN));

        assertThat(browser.documentAttribute("lang")).isEqualTo("en");
        assertThat(browser.documentAttribute("dir")).isEqualTo("ltr");
        assertThat(direction(browser.find(By.tagName("body")))).isEqualTo("ltr");
        assertThat(row(labour).findElement(By.cssSelector("td.client .names")).getText()).isEqualTo("Ministry of Labour · Labour registry");
        assertThat(row(health).findElement(By.cssSelector("td.service .names")).getText()).isEqualTo("Person by national ID");
        assertThat(direction(row(labour).findElement(By.cssSelector("td.purpose span")))).as("Arabic stays right to left").isEqualTo("rtl");

        browser.clickAndWaitForNextPage(By.id("language-switch"));
        assertThat(browser.documentAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.currentUrl()).contains("nationalId=" + CITIZEN).doesNotContain("lang=en");
    }

    @Test
    void aRecordShowsItsStoryAndAProofTheBrowserVerifiesItself() {
        browser.open(node.url("/audit?nationalId=" + CITIZEN));
        browser.clickAndWaitForNextPage(By.cssSelector("#results tr.record[data-seq='" + health + "'] a.seq"));

        assertThat(browser.currentUrl()).endsWith("/audit/records/" + health);
        assertThat(browser.find(By.cssSelector("#fields tr[data-field='purpose'] td")).getText()).isEqualTo(HEALTH_PURPOSE);
        assertThat(browser.find(By.cssSelector("#fields tr[data-field='dataSubject'] td")).getText()).isEqualTo(CITIZEN);
        assertThat(browser.findAll(By.cssSelector("#story-records tr.record")))
                .extracting(r -> Long.parseLong(r.getDomAttribute("data-seq"))).containsExactly(health, healthHop);
        assertThat(browser.find(By.id("node-check")).getDomAttribute("data-result")).isEqualTo("verified");
        WebElement check = browser.find(By.id("browser-check"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> !"pending".equals(check.getDomAttribute("data-result")));
        assertThat(check.getDomAttribute("data-result")).isEqualTo("verified");
        assertThat(check.getText()).contains("WebCrypto");

        assertThat(verifyInBrowser("data.root")).isTrue();
        assertThat(verifyInBrowser("data.leaf")).as("the browser's check fails for another root").isFalse();
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return performance.getEntriesByType('resource').length"))
                .as("the page loads nothing but itself").isEqualTo(0L);
    }

    @Test
    void theCitizenReportNamesTheInstitutionsInArabic() {
        // A browser of its own: chromium keeps one user's credentials per origin, and this is the other user.
        try (HeadlessBrowser officer = HeadlessBrowser.start()) {
            officer.open(node.url(DPO, DPO_PASSWORD, "/audit/report?nationalId=" + CITIZEN));

            assertThat(officer.documentAttribute("dir")).isEqualTo("rtl");
            List<WebElement> accesses = officer.findAll(By.cssSelector("#accesses tr.access"));
            assertThat(accesses).extracting(r -> Long.parseLong(r.getDomAttribute("data-seq"))).containsExactly(labour, healthHop, health);
            assertThat(accesses.get(0).findElement(By.cssSelector("td.institution .names")).getText()).isEqualTo("وزارة العمل · سجل العمال");
            assertThat(accesses.get(2).findElement(By.cssSelector("td.institution .names")).getText()).isEqualTo("وزارة الصحة · السجلات الصحية");
            assertThat(accesses.get(2).findElement(By.cssSelector("td.service .names")).getText()).isEqualTo("بيانات شخص");
            assertThat(accesses.get(2).findElement(By.cssSelector("td.purpose")).getText()).isEqualTo(HEALTH_PURPOSE);
            assertThat(accesses.get(0).findElement(By.cssSelector("td.refused")).getText()).contains("رُفض الطلب");
            assertThat(officer.bodyText()).doesNotContain("فحص دوري");
            AuditRecord read = node.log.store().read(node.log.size() - 1).orElseThrow().record();
            assertThat(read.kind()).isEqualTo(AuditRecord.Kind.LOG_READ);
            assertThat(read.client()).isEqualTo("auditor:" + DPO);
            assertThat(read.details()).containsEntry("nationalId", CITIZEN);

            officer.clickAndWaitForNextPage(By.id("nav-search"));
            assertThat(officer.find(By.id("refusal")).getDomAttribute("data-code")).as("the search is the auditors'")
                    .isEqualTo("Client.RoleForbidden");
        }
    }

    @Test
    void withoutCredentialsThereIsNoPage() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(node.url("/audit?nationalId=" + CITIZEN))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("Takamul audit"));
        assertThat(response.body()).contains("Client.Unauthenticated").doesNotContain(HEALTH_PURPOSE);

        try (HeadlessBrowser stranger = HeadlessBrowser.start()) {
            stranger.open(node.url("/audit?nationalId=" + CITIZEN));
            assertThat(stranger.bodyText()).doesNotContain(HEALTH_PURPOSE).doesNotContain("وزارة الصحة");
        }
    }

    private static WebElement row(long seq) {
        return browser.find(By.cssSelector("#results tr.record[data-seq='" + seq + "']"));
    }

    private static String direction(WebElement element) {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("return getComputedStyle(arguments[0]).direction", element);
    }

    /** Runs the page's own check with the proof's data, the root taken from {@code rootExpression}. */
    private static boolean verifyInBrowser(String rootExpression) {
        Object result = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const data = Object.assign({}, document.getElementById('proof').dataset);
                data.root = %s;
                takamulAudit.verify(data).then(done, e => done('error: ' + e));
                """.formatted(rootExpression));
        return Boolean.TRUE.equals(result);
    }
}
