package ps.takamul.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static ps.takamul.core.catalogue.CatalogueFiles.CLIENTS;
import static ps.takamul.core.catalogue.CatalogueFiles.VALID_SERVICE;
import static ps.takamul.core.catalogue.CatalogueFiles.lineOf;
import static ps.takamul.core.catalogue.CatalogueFiles.moi;
import static ps.takamul.core.catalogue.CatalogueFiles.write;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.core.identifier.ServiceId;

class CatalogueLoaderTest {
    /** Where problems in the one service of {@link CatalogueFiles#moi} are reported. */
    private static final String SERVICE_0 = "moi.yaml: members[0] (PS/GOV/MOI).subsystems[0].services[0]";
    private static final String PERSON_V1 = " (PS/GOV/MOI/civil-registry/person-by-id/v1)";

    @TempDir
    Path folder;

    private final CatalogueLoader loader = new CatalogueLoader();

    // ---------------------------------------------------------------- a valid catalogue

    /**
     * The provider's file sorts before the file that registers its clients, so client references
     * can only resolve if they are checked after every file is read.
     */
    private Catalogue loadValidCatalogue() {
        write(folder, "a-moi.yaml", """
                # Ministry of Interior (وزارة الداخلية)
                members:
                  - id: PS/GOV/MOI
                    name: { ar: وزارة الداخلية, en: Ministry of Interior }
                    subsystems:
                      - code: civil-registry
                        name: { ar: السجل المدني, en: Civil registry }
                        services:
                          - code: person-by-id
                            version: v1
                            protocol: rest
                            description: { ar: بيانات شخص حسب رقم الهوية, en: Person by national ID }
                            timeout: 5s
                            consumers: 8
                            connector:
                              type: soap
                              address: "{{civil-registry.url}}"
                              soapAction: http://takamul.ps/PersonByNationalId
                            mediation:
                              request: direct:person.request
                              response: direct:to-json
                            clients:
                              - PS/GOV/MOH/health-records
                          - code: person-by-id
                            version: v2
                            protocol: REST
                            kind: notification
                            connector: { type: http, url: "http://registry.moi.local/v2" }
                            clients:
                              - PS/GOV/MOH
                          - code: FamilyExtract
                            protocol: soap
                            connector: { type: soap }
                """);
        write(folder, "b-moh.yaml", CLIENTS);
        write(folder, "README.md", "members: this is not a catalogue file and must be ignored");
        return loader.load(folder);
    }

    @Test
    void loadsAValidCatalogueSpreadOverTwoFiles() {
        Catalogue catalogue = loadValidCatalogue();

        assertThat(catalogue.members()).extracting(Member::id).containsExactlyInAnyOrder(
                MemberId.parse("PS/GOV/MOI"), MemberId.parse("PS/GOV/MOH"), MemberId.parse("PS/GOV/MOL"));
        assertThat(catalogue.services()).extracting(s -> s.id().toString()).containsExactlyInAnyOrder(
                "PS/GOV/MOI/civil-registry/person-by-id/v1",
                "PS/GOV/MOI/civil-registry/person-by-id/v2",
                "PS/GOV/MOI/civil-registry/FamilyExtract");
    }

    @Test
    void keepsEverythingWrittenForAService() {
        ServiceDescription s = loadValidCatalogue()
                .service(ServiceId.parse("PS/GOV/MOI/civil-registry/person-by-id/v1")).orElseThrow();

        assertThat(s.protocol()).isEqualTo(ServiceProtocol.REST);
        assertThat(s.kind()).isEqualTo(ServiceKind.QUERY);
        assertThat(s.description()).isEqualTo(new BilingualText("بيانات شخص حسب رقم الهوية", "Person by national ID"));
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.consumers()).isEqualTo(8);
        assertThat(s.connector().type()).isEqualTo("soap");
        assertThat(s.connector().settings()).isEqualTo(Map.of(
                "address", "{{civil-registry.url}}",
                "soapAction", "http://takamul.ps/PersonByNationalId"));
        assertThat(s.mediation()).isEqualTo(new Mediation("direct:person.request", "direct:to-json"));
        assertThat(s.clients()).containsExactly(ClientId.parse("PS/GOV/MOH/health-records"));
        assertThat(s.source()).isEqualTo("a-moi.yaml");
    }

    @Test
    void appliesDefaultsForWhatIsLeftOut() {
        Catalogue catalogue = loadValidCatalogue();
        ServiceDescription v2 = catalogue.service(ServiceId.parse("PS/GOV/MOI/civil-registry/person-by-id/v2"))
                .orElseThrow();
        ServiceDescription extract = catalogue.service(ServiceId.parse("PS/GOV/MOI/civil-registry/FamilyExtract"))
                .orElseThrow();

        assertThat(v2.protocol()).as("protocol is case-insensitive").isEqualTo(ServiceProtocol.REST);
        assertThat(v2.kind()).isEqualTo(ServiceKind.NOTIFICATION);
        assertThat(v2.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(v2.consumers()).isEqualTo(4);
        assertThat(extract.protocol()).isEqualTo(ServiceProtocol.SOAP);
        assertThat(extract.kind()).isEqualTo(ServiceKind.QUERY);
        assertThat(extract.id().version()).isNull();
        assertThat(extract.mediation()).isEqualTo(Mediation.NONE);
        assertThat(extract.description()).isEqualTo(BilingualText.EMPTY);
        assertThat(extract.connector().settings()).isEmpty();
        assertThat(extract.clients()).isEmpty();
    }

    @Test
    void keepsMembersWithTheirSubsystemsAndNames() {
        Member moh = loadValidCatalogue().members().stream()
                .filter(m -> m.id().equals(MemberId.parse("PS/GOV/MOH"))).findFirst().orElseThrow();

        assertThat(moh.name()).isEqualTo(new BilingualText("وزارة الصحة", "Ministry of Health"));
        assertThat(moh.subsystems()).containsExactlyInAnyOrder("health-records", "pharmacy");
    }

    @Test
    void readsYmlFilesToo() {
        write(folder, "moi.yaml", moi(VALID_SERVICE));
        write(folder, "moh.yml", CLIENTS);

        assertThat(loader.load(folder).isKnown(ClientId.parse("PS/GOV/MOH/health-records"))).isTrue();
    }

    // ---------------------------------------------------------------- invalid catalogues

    private List<String> problemsLoading() {
        CatalogueException e = catchThrowableOfType(CatalogueException.class, () -> loader.load(folder));
        assertThat(e).as("the catalogue must be refused").isNotNull();
        // The message is what an operator sees at start-up: it must list every problem.
        assertThat(e.getMessage()).contains(e.problems());
        return e.problems();
    }

    @Test
    void unknownKeyIsAnErrorNamingFileLineAndPath() {
        String content = moi("""
                code: person-by-id
                version: v1
                protocol: rest
                connector: { type: http, url: "http://registry.moi.local/person" }
                clinets:
                  - PS/GOV/MOH/health-records
                """);
        write(folder, "moi.yaml", content);
        write(folder, "moh.yaml", CLIENTS);

        assertThat(problemsLoading()).singleElement().asString()
                .startsWith("moi.yaml: line " + lineOf(content, "clinets:")
                        + ": members[0].subsystems[0].services[0].clinets: ")
                .contains("Unrecognized field \"clinets\"");
    }

    @Test
    void unknownKeyHigherUpPointsAtTheKeyNotTheEndOfTheEntry() {
        String content = """
                members:
                  - id: PS/GOV/MOH
                  - id: PS/GOV/MOI
                    nmae: { ar: وزارة الداخلية, en: Ministry of Interior }
                    subsystems:
                      - code: civil-registry
                        services:
                """ + moi(VALID_SERVICE, VALID_SERVICE.replace("v1", "v2")).lines().skip(5)
                .map(l -> l + "\n").reduce("", String::concat)
                + "  - id: PS/GOV/MOL\n";
        write(folder, "moi.yaml", content);

        assertThat(problemsLoading()).singleElement().asString()
                .startsWith("moi.yaml: line " + lineOf(content, "nmae:") + ": members[1].nmae: ")
                .contains("Unrecognized field \"nmae\"");
    }

    @Test
    void brokenYamlNamesTheFileAndLine() {
        String content = """
                members:
                  - id: PS/GOV/MOI
                    subsystems: [ { code: civil-registry
                """;
        write(folder, "moi.yaml", content);

        assertThat(problemsLoading()).singleElement().asString().matches("(?s)moi\\.yaml: line 3: .+");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PS/GOV         | member id 'PS/GOV' must have 3 '/'-separated parts, found 2",
            "PS//MOI        | member class is missing",
            "PS/GOV/MO.I    | member code 'MO.I' must be 1-64 ASCII letters, digits, '-' or '_', starting with a letter or digit",
            "PS/GOV/الداخلية | member code 'الداخلية' must be 1-64 ASCII letters, digits, '-' or '_', starting with a letter or digit",
    })
    void badMemberIdNamesFileEntryAndProblem(String id, String problem) {
        write(folder, "moi.yaml", "members:\n  - id: \"" + id + "\"\n");

        assertThat(problemsLoading()).containsExactly("moi.yaml: members[0].id: " + problem);
    }

    @Test
    void missingMemberIdIsAnError() {
        write(folder, "moh.yaml", CLIENTS + "  - name: { en: Nobody }\n");

        assertThat(problemsLoading()).containsExactly("moh.yaml: members[2].id: member id is missing");
    }

    @Test
    void badSubsystemCodeNamesTheMember() {
        write(folder, "moi.yaml", """
                members:
                  - id: PS/GOV/MOI
                    subsystems:
                      - code: civil.registry
                """);

        assertThat(problemsLoading()).containsExactly("moi.yaml: members[0] (PS/GOV/MOI).subsystems[0].code: "
                + "subsystem code 'civil.registry' must be 1-64 ASCII letters, digits, '-' or '_', "
                + "starting with a letter or digit");
    }

    @Test
    void duplicateSubsystemIsAnError() {
        write(folder, "moh.yaml", """
                members:
                  - id: PS/GOV/MOH
                    subsystems:
                      - code: health-records
                      - code: health-records
                """);

        assertThat(problemsLoading()).containsExactly(
                "moh.yaml: members[0] (PS/GOV/MOH).subsystems[1]: subsystem 'health-records' is declared twice");
    }

    @Test
    void memberDeclaredInTwoFilesNamesBothFiles() {
        write(folder, "moi.yaml", moi(VALID_SERVICE));
        write(folder, "moh.yaml", CLIENTS);
        write(folder, "zz-moh-again.yaml", """
                members:
                  - id: PS/GOV/MOL
                  - id: PS/GOV/MOH
                """);

        assertThat(problemsLoading()).containsExactlyInAnyOrder(
                "zz-moh-again.yaml: members[0] (PS/GOV/MOL): member is declared twice, also in moh.yaml",
                "zz-moh-again.yaml: members[1] (PS/GOV/MOH): member is declared twice, also in moh.yaml");
    }

    @Test
    void duplicateServiceIsAnError() {
        write(folder, "moi.yaml", moi(VALID_SERVICE, VALID_SERVICE));
        write(folder, "moh.yaml", CLIENTS);

        assertThat(problemsLoading()).containsExactly(
                "moi.yaml: members[0] (PS/GOV/MOI).subsystems[0].services[1]" + PERSON_V1
                        + ": service is declared twice");
    }

    @Test
    void sameServiceCodeWithAnotherVersionIsNotADuplicate() {
        write(folder, "moi.yaml", moi(VALID_SERVICE, VALID_SERVICE.replace("version: v1", "version: v2"),
                VALID_SERVICE.replace("version: v1\n", "")));
        write(folder, "moh.yaml", CLIENTS);

        assertThat(loader.load(folder).services()).hasSize(3);
    }

    @Test
    void missingProtocolIsAnError() {
        write(folder, "moi.yaml", moi(VALID_SERVICE.replace("protocol: rest\n", "")));
        write(folder, "moh.yaml", CLIENTS);

        assertThat(problemsLoading()).containsExactly(
                SERVICE_0 + PERSON_V1 + ".protocol: missing; one of [rest, soap]");
    }

    @Test
    void badProtocolIsAnError() {
        write(folder, "moi.yaml", moi(VALID_SERVICE.replace("protocol: rest", "protocol: grpc")));
        write(folder, "moh.yaml", CLIENTS);

        assertThat(problemsLoading()).containsExactly(
                SERVICE_0 + PERSON_V1 + ".protocol: 'grpc' is not one of [rest, soap]");
    }

    @Test
    void badKindIsAnError() {
        write(folder, "moi.yaml", moi(VALID_SERVICE + "kind: async\n"));
        write(folder, "moh.yaml", CLIENTS);

        assertThat(problemsLoading()).containsExactly(
                SERVICE_0 + PERSON_V1 + ".kind: 'async' is not one of [query, notification]");
    }

    @Test
    void badTimeoutIsAnError() {
        write(folder, "moi.yaml", moi(VALID_SERVICE + "timeout: 5 seconds\n"));
        write(folder, "moh.yaml", CLIENTS);

        assertThat(problemsLoading()).containsExactly(
                SERVICE_0 + PERSON_V1 + ".timeout: '5 seconds' is not a duration such as 500ms, 5s or 2m");
    }

    @Test
    void zeroTimeoutIsAnError() {
        write(folder, "moi.yaml", moi(VALID_SERVICE + "timeout: 0s\n"));
        write(folder, "moh.yaml", CLIENTS);

        assertThat(problemsLoading()).containsExactly(SERVICE_0 + PERSON_V1 + ".timeout: must be more than zero");
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "501"})
    void consumersOutOfRangeIsAnError(int consumers) {
        write(folder, "moi.yaml", moi(VALID_SERVICE + "consumers: " + consumers + "\n"));
        write(folder, "moh.yaml", CLIENTS);

        assertThat(problemsLoading()).containsExactly(
                SERVICE_0 + PERSON_V1 + ".consumers: must be between 1 and 500, was " + consumers);
    }

    @Test
    void consumersAtTheLimitsAreAccepted() {
        write(folder, "moi.yaml", moi(VALID_SERVICE + "consumers: 1\n",
                VALID_SERVICE.replace("v1", "v2") + "consumers: 500\n"));
        write(folder, "moh.yaml", CLIENTS);

        assertThat(loader.load(folder).services()).extracting(ServiceDescription::consumers)
                .containsExactlyInAnyOrder(1, 500);
    }

    @Test
    void connectorWithoutTypeIsAnError() {
        write(folder, "moi.yaml", moi(VALID_SERVICE.replace("type: http, ", "")));
        write(folder, "moh.yaml", CLIENTS);

        assertThat(problemsLoading()).containsExactly(
                SERVICE_0 + PERSON_V1 + ".connector.type: missing (which connector calls the provider?)");
    }

    @Test
    void missingConnectorIsAnError() {
        write(folder, "moi.yaml", moi(VALID_SERVICE.replace("connector: { type: http, url: \"http://registry.moi.local/person\" }\n", "")));
        write(folder, "moh.yaml", CLIENTS);

        assertThat(problemsLoading()).containsExactly(
                SERVICE_0 + PERSON_V1 + ".connector.type: missing (which connector calls the provider?)");
    }

    @ParameterizedTest
    @CsvSource({"PS/GOV/MOX/app", "PS/GOV/MOH/unknown-subsystem", "PS/GOV/MOX", "PS/COM/MOH/health-records"})
    void clientThatIsNotRegisteredIsAnError(String client) {
        write(folder, "moi.yaml", moi(VALID_SERVICE.replace("PS/GOV/MOH/health-records", client)));
        write(folder, "moh.yaml", CLIENTS);

        assertThat(problemsLoading()).containsExactly(SERVICE_0 + PERSON_V1 + ".clients[0]: client " + client
                + " is not a registered member or subsystem");
    }

    @Test
    void malformedClientIsAnError() {
        write(folder, "moi.yaml", moi(VALID_SERVICE.replace("PS/GOV/MOH/health-records", "PS/GOV")));
        write(folder, "moh.yaml", CLIENTS);

        assertThat(problemsLoading()).containsExactly(SERVICE_0 + PERSON_V1
                + ".clients[0]: client id 'PS/GOV' must have 3 or 4 '/'-separated parts, found 2");
    }

    @Test
    void badServiceCodeIsAnError() {
        write(folder, "moi.yaml", moi(VALID_SERVICE.replace("code: person-by-id", "code: person/by/id")));
        write(folder, "moh.yaml", CLIENTS);

        assertThat(problemsLoading()).singleElement().asString()
                .startsWith(SERVICE_0 + ": service code 'person/by/id' must be 1-64 ASCII");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        write(folder, "moi.yaml", moi(
                VALID_SERVICE.replace("protocol: rest", "protocol: grpc") + "timeout: 5 seconds\nconsumers: 0\n",
                VALID_SERVICE.replace("v1", "v2").replace("PS/GOV/MOH/health-records", "PS/GOV/MOX/app"),
                VALID_SERVICE.replace("v1", "v3").replace("type: http, ", "")));
        write(folder, "moh.yaml", CLIENTS);
        write(folder, "mol.yaml", "members:\n  - id: PS/GOV\n");

        assertThat(problemsLoading()).containsExactlyInAnyOrder(
                SERVICE_0 + PERSON_V1 + ".protocol: 'grpc' is not one of [rest, soap]",
                SERVICE_0 + PERSON_V1 + ".timeout: '5 seconds' is not a duration such as 500ms, 5s or 2m",
                SERVICE_0 + PERSON_V1 + ".consumers: must be between 1 and 500, was 0",
                "moi.yaml: members[0] (PS/GOV/MOI).subsystems[0].services[1] (PS/GOV/MOI/civil-registry/person-by-id/v2)"
                        + ".clients[0]: client PS/GOV/MOX/app is not a registered member or subsystem",
                "moi.yaml: members[0] (PS/GOV/MOI).subsystems[0].services[2] (PS/GOV/MOI/civil-registry/person-by-id/v3)"
                        + ".connector.type: missing (which connector calls the provider?)",
                "mol.yaml: members[0].id: member id 'PS/GOV' must have 3 '/'-separated parts, found 2");
    }

    @Test
    void aBrokenFileDoesNotHideProblemsInTheOthers() {
        write(folder, "a.yaml", "members:\n  - id: PS/GOV/MOI\n    colour: blue\n");
        write(folder, "b.yaml", moi(VALID_SERVICE.replace("protocol: rest", "protocol: grpc"))
                .replace("PS/GOV/MOI", "PS/GOV/MOF"));
        write(folder, "c.yaml", CLIENTS);

        List<String> problems = problemsLoading();
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("a.yaml: line 3: members[0].colour: ");
        assertThat(problems.get(1)).isEqualTo("b.yaml: members[0] (PS/GOV/MOF).subsystems[0].services[0]"
                + " (PS/GOV/MOF/civil-registry/person-by-id/v1).protocol: 'grpc' is not one of [rest, soap]");
    }

    @Test
    void emptyFolderIsAnError() {
        assertThat(problemsLoading()).containsExactly(folder + ": no catalogue files (*.yaml)");
    }

    @Test
    void folderWithoutYamlFilesIsAnError() {
        write(folder, "README.md", "# catalogue");
        write(folder, "moi.yaml.bak", moi(VALID_SERVICE));

        assertThat(problemsLoading()).containsExactly(folder + ": no catalogue files (*.yaml)");
    }

    @Test
    void missingFolderIsAnError() {
        Path missing = folder.resolve("no-such-folder");
        CatalogueException e = catchThrowableOfType(CatalogueException.class, () -> loader.load(missing));

        assertThat(e.problems()).singleElement().asString()
                .startsWith(missing + ": cannot read the catalogue folder");
    }
}
