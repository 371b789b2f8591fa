package ps.takamul.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static ps.takamul.core.catalogue.CatalogueFiles.OPENAPI;
import static ps.takamul.core.catalogue.CatalogueFiles.VALID_SERVICE;
import static ps.takamul.core.catalogue.CatalogueFiles.VALID_SOAP_SERVICE;
import static ps.takamul.core.catalogue.CatalogueFiles.WSDL;
import static ps.takamul.core.catalogue.CatalogueFiles.lineOf;
import static ps.takamul.core.catalogue.CatalogueFiles.moi;
import static ps.takamul.core.catalogue.CatalogueFiles.write;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ps.takamul.core.identifier.ServiceId;

/** The document that describes a service: OpenAPI 3 for REST, WSDL for SOAP, checked at load. */
class ContractTest {
    private static final String REST_AT = "members[0] (PS/GOV/MOI).subsystems[0].services[0]"
            + " (PS/GOV/MOI/civil-registry/person-by-id/v1)";
    private static final String SOAP_AT = "members[0] (PS/GOV/MOI).subsystems[0].services[0]"
            + " (PS/GOV/MOI/civil-registry/PersonByNationalId/v1)";

    @TempDir
    Path folder;

    private final CatalogueLoader loader = new CatalogueLoader();

    private ServiceDescription load(String service, String id) {
        write(folder, "moi.yaml", moi(service));
        return loader.load(folder).service(ServiceId.parse(id)).orElseThrow();
    }

    private ServiceDescription loadRest(String contractKey) {
        return load(VALID_SERVICE + contractKey + "\n", "PS/GOV/MOI/civil-registry/person-by-id/v1");
    }

    /** The one problem loading a moi.yaml offering this service. */
    private String onlyProblem(String service, String lineWith) {
        return CatalogueFiles.onlyProblem(folder, moi(service), lineWith);
    }

    // ---------------------------------------------------------------- accepted

    @Test
    void aRestServiceIsDescribedByAnOpenApiDocumentBesideTheCatalogue() {
        write(folder, "contracts/person.openapi.yaml", OPENAPI);

        ServiceDescription service = loadRest("openapi: contracts/person.openapi.yaml");

        assertThat(service.contractType()).isEqualTo(ContractType.OPENAPI);
        assertThat(service.contract()).isAbsolute()
                .isEqualTo(folder.resolve("contracts/person.openapi.yaml").toAbsolutePath().normalize());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"x\", \"version\": \"1\"}, \"paths\": {}}",
            "{\"openapi\": \"3.0.0-rc2\", \"paths\": {}}"})
    void anOpenApiDocumentMayBeJson(String document) {
        write(folder, "person.json", document);

        assertThat(loadRest("openapi: person.json").contractType()).isEqualTo(ContractType.OPENAPI);
    }

    @Test
    void aSoapServiceIsDescribedByAWsdl() {
        write(folder, "contracts/registry.wsdl", WSDL);

        ServiceDescription service = load(VALID_SOAP_SERVICE + "wsdl: contracts/registry.wsdl\n",
                "PS/GOV/MOI/civil-registry/PersonByNationalId/v1");

        assertThat(service.contractType()).isEqualTo(ContractType.WSDL);
        assertThat(service.contract()).isEqualTo(folder.resolve("contracts/registry.wsdl").toAbsolutePath().normalize());
    }

    @Test
    void contractPathsAreRelativeToTheirCatalogueFile() {
        write(folder, "shared/contracts/person.openapi.yaml", OPENAPI);
        write(folder, "shared/moi.yaml", moi(VALID_SERVICE + "openapi: contracts/person.openapi.yaml\n"));
        write(folder, "site/contracts/README.md", "not here");

        Catalogue catalogue = loader.load(java.util.List.of(folder.resolve("site"), folder.resolve("shared")));

        assertThat(catalogue.service(ServiceId.parse("PS/GOV/MOI/civil-registry/person-by-id/v1")).orElseThrow()
                .contract()).isEqualTo(folder.resolve("shared/contracts/person.openapi.yaml").toAbsolutePath());
    }

    // ---------------------------------------------------------------- the wrong kind of contract

    @Test
    void aRestServiceWithAWsdlIsRefused() {
        write(folder, "registry.wsdl", WSDL);

        assertThat(onlyProblem(VALID_SERVICE + "wsdl: registry.wsdl\n", "wsdl:")).isEqualTo(REST_AT
                + ".wsdl: a REST service is described by an OpenAPI 3 document (openapi:), not a WSDL");
    }

    @Test
    void aSoapServiceWithAnOpenApiDocumentIsRefused() {
        write(folder, "contracts/person.openapi.yaml", OPENAPI);

        assertThat(onlyProblem(VALID_SOAP_SERVICE + "openapi: contracts/person.openapi.yaml\n", "openapi:")).isEqualTo(SOAP_AT
                + ".openapi: a SOAP service is described by a WSDL (wsdl:), not an OpenAPI document");
    }

    // ---------------------------------------------------------------- broken contracts

    @Test
    void aMissingContractFileIsRefused() {
        assertThat(onlyProblem(VALID_SERVICE + "openapi: contracts/nowhere.yaml\n", "openapi:")).isEqualTo(REST_AT
                + ".openapi: no file contracts/nowhere.yaml (paths are relative to the catalogue file's folder)");
    }

    @Test
    void aFolderIsNotAContract() {
        write(folder, "contracts/README.md", "folder");

        assertThat(onlyProblem(VALID_SERVICE + "openapi: contracts\n", "openapi:")).isEqualTo(REST_AT
                + ".openapi: no file contracts (paths are relative to the catalogue file's folder)");
    }

    @Test
    void aContractOutsideTheCatalogueFolderIsRefused() {
        write(folder, "catalogue/moi.yaml", "");
        write(folder, "secret.openapi.yaml", OPENAPI);
        String content = moi(VALID_SERVICE + "openapi: ../secret.openapi.yaml\n");
        write(folder, "catalogue/moi.yaml", content);

        CatalogueException e = catchThrowableOfType(CatalogueException.class, () -> loader.load(folder.resolve("catalogue")));

        assertThat(e.problems()).containsExactly("moi.yaml: line " + lineOf(content, "openapi:") + ": " + REST_AT
                + ".openapi: ../secret.openapi.yaml is outside the catalogue folder; contracts must be in it or below it");
    }

    @Test
    void aSwaggerTwoDocumentIsRefused() {
        write(folder, "contracts/person.yaml", "swagger: \"2.0\"\ninfo: { title: x, version: \"1\" }\npaths: {}\n");

        assertThat(onlyProblem(VALID_SERVICE + "openapi: contracts/person.yaml\n", "openapi:")).isEqualTo(REST_AT
                + ".openapi: contracts/person.yaml is not an OpenAPI 3 document: it has no 'openapi' field (Swagger 2.0 is not supported)");
    }

    @Test
    void anOpenApiDocumentOfAnotherVersionIsRefused() {
        write(folder, "contracts/person.yaml", OPENAPI.replace("openapi: 3.0.3", "openapi: 2.0.0"));

        assertThat(onlyProblem(VALID_SERVICE + "openapi: contracts/person.yaml\n", "openapi:")).isEqualTo(REST_AT
                + ".openapi: contracts/person.yaml is not an OpenAPI 3 document: its 'openapi' field is '2.0.0'");
    }

    @Test
    void aYamlFileThatIsNotADocumentIsRefused() {
        write(folder, "contracts/person.yaml", "- just\n- a list\n");

        assertThat(onlyProblem(VALID_SERVICE + "openapi: contracts/person.yaml\n", "openapi:")).isEqualTo(REST_AT
                + ".openapi: contracts/person.yaml is not an OpenAPI 3 document: it is not a map of fields");
    }

    @Test
    void anUnparseableOpenApiDocumentIsRefusedWithItsLine() {
        write(folder, "person.json", "{\n  \"openapi\": \"3.0.3\",\n  \"paths\": {\n}");

        assertThat(onlyProblem(VALID_SERVICE + "openapi: person.json\n", "openapi:"))
                .startsWith(REST_AT + ".openapi: person.json cannot be parsed as JSON: line 4: ");
    }

    @Test
    void aWsdlWithADoctypeIsRefusedWithoutResolvingIt() {
        write(folder, "secret.txt", "top secret");
        write(folder, "registry.wsdl", """
                <?xml version="1.0"?>
                <!DOCTYPE definitions [ <!ENTITY secret SYSTEM "secret.txt"> ]>
                <wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/">&secret;</wsdl:definitions>
                """);

        String problem = onlyProblem(VALID_SOAP_SERVICE + "wsdl: registry.wsdl\n", "wsdl:");

        assertThat(problem).isEqualTo(SOAP_AT + ".wsdl: registry.wsdl has a DOCTYPE: contracts may not declare DTDs or entities");
    }

    @Test
    void aWsdlThatIsNotWellFormedIsRefused() {
        write(folder, "registry.wsdl", WSDL.replace("</wsdl:definitions>", ""));

        assertThat(onlyProblem(VALID_SOAP_SERVICE + "wsdl: registry.wsdl\n", "wsdl:"))
                .startsWith(SOAP_AT + ".wsdl: registry.wsdl is not well-formed XML");
    }

    @Test
    void anXmlDocumentThatIsNotAWsdlIsRefused() {
        write(folder, "registry.xsd", "<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"/>");
        write(folder, "registry-2.wsdl", "<description xmlns=\"http://www.w3.org/ns/wsdl\"/>");

        assertThat(onlyProblem(VALID_SOAP_SERVICE + "wsdl: registry.xsd\n", "wsdl:")).isEqualTo(SOAP_AT
                + ".wsdl: registry.xsd is not a WSDL 1.1 document: its root element is "
                + "{http://www.w3.org/2001/XMLSchema}schema, not wsdl:definitions in http://schemas.xmlsoap.org/wsdl/");
        assertThat(onlyProblem(VALID_SOAP_SERVICE + "wsdl: registry-2.wsdl\n", "wsdl:")).as("WSDL 2.0")
                .contains("its root element is {http://www.w3.org/ns/wsdl}description");
    }

    @Test
    void anEmptyContractPathIsRefusedByTheSchema() {
        assertThat(onlyProblem(VALID_SERVICE + "openapi: ''\n", "openapi:"))
                .startsWith("members[0].subsystems[0].services[0].openapi: ");
    }
}
