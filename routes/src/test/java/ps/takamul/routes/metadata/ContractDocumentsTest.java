package ps.takamul.routes.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.core.catalogue.BilingualText;
import ps.takamul.core.catalogue.ServiceProtocol;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;

/** Contracts as served: WSDL addresses replaced by the node's, OpenAPI documents byte for byte. */
class ContractDocumentsTest {
    static final String NODE = "https://node.example:8081/soap";
    final ContractDocuments contracts = new ContractDocuments(NODE);

    @TempDir
    Path dir;

    @Test
    void aWsdlNamesTheNodeNotTheProvidersOwnAddress() throws Exception {
        Path wsdl = Files.writeString(dir.resolve("r.wsdl"), """
                <wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/">
                  <wsdl:documentation>السجل المدني</wsdl:documentation>
                  <wsdl:service name="r"><wsdl:port name="p" binding="b"><soap:address location="http://10.1.2.3:9000/registry"/></wsdl:port></wsdl:service>
                </wsdl:definitions>""");

        ContractDocuments.Contract served = contracts.required(MetadataFixtures.service("PS/GOV/MOI/r/S/v1", ServiceProtocol.SOAP,
                BilingualText.EMPTY, wsdl));

        String text = new String(served.content(), StandardCharsets.UTF_8);
        assertThat(text).contains("location=\"" + NODE + "\"").doesNotContain("10.1.2.3").contains("السجل المدني");
        assertThat(served.mediaType()).startsWith("text/xml");
    }

    @Test
    void aWsdlWithADoctypeIsNotParsed() throws Exception {
        Path wsdl = Files.writeString(dir.resolve("evil.wsdl"),
                "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><definitions>&x;</definitions>");

        assertThatThrownBy(() -> contracts.required(MetadataFixtures.service("PS/GOV/MOI/r/S/v1", ServiceProtocol.SOAP,
                BilingualText.EMPTY, wsdl))).isInstanceOfSatisfying(TakamulException.class,
                e -> assertThat(e.error()).isEqualTo(ErrorCode.INTERNAL_ERROR));
    }

    @Test
    void anOpenApiDocumentIsServedAsWritten() throws Exception {
        byte[] yaml = "openapi: 3.0.3\ninfo: { title: بيانات شخص, version: v1 }\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("p.openapi.yaml"), yaml);

        ContractDocuments.Contract served = contracts.required(MetadataFixtures.service("PS/GOV/MOI/r/p/v1", ServiceProtocol.REST,
                BilingualText.EMPTY, file));

        assertThat(served.content()).isEqualTo(yaml);
        assertThat(served.mediaType()).isEqualTo("text/yaml; charset=UTF-8");
    }

    @Test
    void aServiceWithoutAContractIsAnUnknownServiceForItsContract() {
        assertThatThrownBy(() -> contracts.required(MetadataFixtures.service("PS/GOV/MOI/r/p/v1", ServiceProtocol.REST)))
                .isInstanceOfSatisfying(TakamulException.class, e -> {
                    assertThat(e.error()).isEqualTo(ErrorCode.UNKNOWN_SERVICE);
                    assertThat(e.detail()).contains("publishes no OpenAPI description");
                });
    }
}
