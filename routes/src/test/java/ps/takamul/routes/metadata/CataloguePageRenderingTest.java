package ps.takamul.routes.metadata;

import ps.takamul.routes.page.Language;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.core.catalogue.BilingualText;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.catalogue.ServiceProtocol;

/**
 * The catalogue page's markup: every catalogue text escaped, whatever it holds, and a link only
 * where there is a contract. (How it looks and behaves in a browser: the node's CataloguePageTest.)
 */
class CataloguePageRenderingTest {
    @TempDir
    Path dir;

    @Test
    void everyCatalogueTextIsEscaped() {
        Catalogue catalogue = MetadataFixtures.catalogue(List.of(MetadataFixtures.service("PS/GOV/MOI/civil-registry/x/v1",
                ServiceProtocol.REST, new BilingualText("<script>alert('ar')</script>", "\"><img src=x onerror=alert(1)>"), null)));
        ContractDocuments contracts = new ContractDocuments("http://127.0.0.1:8081/soap");

        String arabic = new CataloguePage(() -> catalogue, contracts).render(catalogue, Language.AR);
        String english = new CataloguePage(() -> catalogue, contracts).render(catalogue, Language.EN);

        assertThat(arabic).contains("&lt;script&gt;alert(&#39;ar&#39;)&lt;/script&gt;").doesNotContain("<script");
        assertThat(english).contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
        assertThat(arabic).startsWith("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">");
        assertThat(english).startsWith("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">");
        assertThat(arabic).doesNotContain("class=\"contract\"");
    }

    @Test
    void aServiceWithAContractLinksToIt() throws Exception {
        Path wsdl = Files.writeString(dir.resolve("s.wsdl"), "<definitions xmlns=\"http://schemas.xmlsoap.org/wsdl/\"/>");
        Catalogue catalogue = MetadataFixtures.catalogue(List.of(MetadataFixtures.service("PS/GOV/MOI/civil-registry/S/v1",
                ServiceProtocol.SOAP, new BilingualText("خدمة", "Service"), wsdl)));

        String page = new CataloguePage(() -> catalogue, new ContractDocuments("http://node/soap")).render(catalogue, Language.AR);

        assertThat(page).contains("<a class=\"contract\" href=\"/catalogue/contracts/PS/GOV/MOI/civil-registry/S/v1\">WSDL</a>");
    }
}
