package ps.takamul.node.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import ps.takamul.node.TakamulNode;
import ps.takamul.node.support.HeadlessBrowser;

/**
 * The catalogue page in a real browser (headless chromium) against a real node: Arabic and
 * right-to-left by default, English and left-to-right on request, the language switch clicked
 * like a person would, and a service's interface document opened from its link.
 */
class CataloguePageTest {
    static final String PERSON_BY_ID = "PS/GOV/MOI/civil-registry/person-by-id/v1";
    static final String PERSON_BY_ID_SOAP = "PS/GOV/MOI/civil-registry/PersonByNationalId/v1";

    @TempDir
    static Path dir;
    static TakamulNode node;
    static HeadlessBrowser browser;
    static String page;

    @BeforeAll
    static void start() throws Exception {
        node = MetadataNodes.start(dir, settings -> { });
        page = MetadataNodes.root(node.restBaseUrl()) + "/catalogue";
        browser = HeadlessBrowser.start();
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
    void arabicByDefaultRightToLeftWithTheCataloguesArabicNames() {
        browser.open(page);

        assertThat(browser.documentAttribute("lang")).isEqualTo("ar");
        assertThat(browser.documentAttribute("dir")).isEqualTo("rtl");
        assertThat(computedDirection()).as("the browser lays the page out right to left").isEqualTo("rtl");
        assertThat(browser.driver().getTitle()).isEqualTo("دليل خدمات تكامل");
        assertThat(memberName("PS/GOV/MOI")).isEqualTo("وزارة الداخلية");
        assertThat(memberName("PS/GOV/MOH")).isEqualTo("وزارة الصحة");
        assertThat(browser.find(subsystem("PS/GOV/MOI/civil-registry")).findElement(By.className("name")).getText())
                .isEqualTo("السجل المدني");
        WebElement person = browser.find(service(PERSON_BY_ID));
        assertThat(person.findElement(By.className("service-name")).getText()).isEqualTo("بيانات شخص");
        assertThat(person.findElement(By.className("description")).getText()).isEqualTo("بيانات شخص من السجل المدني حسب رقم الهوية");
        assertThat(person.findElement(By.className("owner")).getText()).contains("مديرية الأحوال المدنية");
        assertThat(person.getText()).contains("REST").contains("v1");
        assertThat(browser.find(By.id("language-switch")).getText()).isEqualTo("English");
    }

    @Test
    void englishOnRequestLeftToRightWithTheCataloguesEnglishNames() {
        browser.open(page + "?lang=en");

        assertThat(browser.documentAttribute("lang")).isEqualTo("en");
        assertThat(browser.documentAttribute("dir")).isEqualTo("ltr");
        assertThat(computedDirection()).isEqualTo("ltr");
        assertThat(memberName("PS/GOV/MOI")).isEqualTo("Ministry of Interior");
        WebElement person = browser.find(service(PERSON_BY_ID));
        assertThat(person.findElement(By.className("service-name")).getText()).isEqualTo("Person by national ID");
        assertThat(person.findElement(By.className("description")).getText()).isEqualTo("One person of the civil registry, by national ID");
    }

    @Test
    void theLanguageSwitchIsALinkThatWorksByClicking() {
        browser.open(page);

        browser.clickAndWaitForNextPage(By.id("language-switch"));
        assertThat(browser.currentUrl()).endsWith("/catalogue?lang=en");
        assertThat(browser.documentAttribute("dir")).isEqualTo("ltr");
        assertThat(memberName("PS/GOV/MOI")).isEqualTo("Ministry of Interior");

        browser.clickAndWaitForNextPage(By.id("language-switch"));
        assertThat(browser.documentAttribute("dir")).isEqualTo("rtl");
        assertThat(memberName("PS/GOV/MOI")).isEqualTo("وزارة الداخلية");
    }

    @Test
    void aServicesContractLinkOpensItsOpenApiDocument() {
        browser.open(page);

        browser.clickAndWaitForNextPage(contractLink(PERSON_BY_ID));
        assertThat(browser.currentUrl()).endsWith("/catalogue/contracts/" + PERSON_BY_ID);
        assertThat(browser.bodyText()).contains("openapi: 3.").contains("بيانات شخص حسب رقم الهوية");
    }

    @Test
    void aSoapServicesContractLinkOpensItsWsdl() {
        browser.open(page + "?lang=en");

        browser.clickAndWaitForNextPage(contractLink(PERSON_BY_ID_SOAP));
        assertThat(browser.currentUrl()).endsWith("/catalogue/contracts/" + PERSON_BY_ID_SOAP);
        assertThat(browser.driver().getPageSource()).contains("definitions").contains("PersonByNationalId")
                .as("the provider's own address is replaced by the node's").contains(node.soapAddress());
    }

    @Test
    void thePageLoadsNothingButItself() {
        browser.open(page);

        Object resources = ((JavascriptExecutor) browser.driver())
                .executeScript("return performance.getEntriesByType('resource').length");
        assertThat(resources).isEqualTo(0L);
        assertThat(browser.findAll(By.tagName("script"))).isEmpty();
    }

    private String memberName(String member) {
        return browser.find(By.cssSelector("section.member[data-member='" + member + "'] > h2 > .name")).getText();
    }

    private static By subsystem(String id) {
        return By.cssSelector("section.subsystem[data-subsystem='" + id + "'] > h3");
    }

    private static By service(String id) {
        return By.cssSelector("tr.service[data-service='" + id + "']");
    }

    private static By contractLink(String id) {
        return By.cssSelector("tr.service[data-service='" + id + "'] a.contract");
    }

    private String computedDirection() {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("return getComputedStyle(document.body).direction");
    }
}
