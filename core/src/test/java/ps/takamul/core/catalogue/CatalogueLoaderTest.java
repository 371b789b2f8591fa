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
import ps.takamul.core.identifier.SubsystemId;

/** Loading catalogue folders: files, identifiers, duplicates, defaults, and how problems are reported. */
class CatalogueLoaderTest {
    private static final String SERVICE_0 = "members[0] (PS/GOV/MOI).subsystems[0].services[0]";
    private static final String PERSON_V1 = " (PS/GOV/MOI/civil-registry/person-by-id/v1)";

    @TempDir
    Path folder;

    private final CatalogueLoader loader = new CatalogueLoader();

    // ---------------------------------------------------------------- a valid catalogue

    /** The provider's file sorts before the consumers' file: members are collected across files. */
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
                            name: { ar: بيانات شخص, en: Person }
                            description: { ar: بيانات شخص حسب رقم الهوية, en: Person by national ID }
                            sla: { timeout: 5s, expectedLatency: 300ms }
                            consumers: 8
                            connector:
                              type: soap
                              address: "{{civil-registry.url}}"
                              soapAction: http://takamul.ps/PersonByNationalId
                              retries: 3
                              keepAlive: true
                            mediation:
                              request: direct:person.request
                              response: direct:to-json
                          - code: person-by-id
                            version: v2
                            protocol: rest
                            kind: notification
                            name: { ar: بيانات شخص ٢, en: Person 2 }
                            description: { ar: إشعار, en: Notification }
                            connector: { type: http, url: "http://registry.moi.local/v2" }
                          - code: FamilyExtract
                            protocol: soap
                            name: { ar: إخراج قيد, en: Family extract }
                            description: { ar: إخراج قيد عائلي, en: Family extract }
                            connector: { type: soap }
                """);
        write(folder, "b-moh.yaml", CLIENTS);
        write(folder, "README.md", "members: this is not a catalogue file and must be ignored");
        return loader.load(folder);
    }

    private ServiceDescription service(Catalogue catalogue, String id) {
        return catalogue.service(ServiceId.parse(id)).orElseThrow();
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
        ServiceDescription s = service(loadValidCatalogue(), "PS/GOV/MOI/civil-registry/person-by-id/v1");

        assertThat(s.protocol()).isEqualTo(ServiceProtocol.REST);
        assertThat(s.kind()).isEqualTo(ServiceKind.QUERY);
        assertThat(s.name()).isEqualTo(new BilingualText("بيانات شخص", "Person"));
        assertThat(s.description()).isEqualTo(new BilingualText("بيانات شخص حسب رقم الهوية", "Person by national ID"));
        assertThat(s.sla()).isEqualTo(new Sla(Duration.ofSeconds(5), Duration.ofMillis(300)));
        assertThat(s.timeout()).as("the routes' accessor").isEqualTo(Duration.ofSeconds(5));
        assertThat(s.consumers()).isEqualTo(8);
        assertThat(s.connector().type()).isEqualTo("soap");
        assertThat(s.connector().settings()).as("YAML numbers and booleans are read as their text").isEqualTo(Map.of(
                "address", "{{civil-registry.url}}",
                "soapAction", "http://takamul.ps/PersonByNationalId",
                "retries", "3",
                "keepAlive", "true"));
        assertThat(s.mediation()).isEqualTo(new Mediation("direct:person.request", "direct:to-json"));
        assertThat(s.source()).isEqualTo("a-moi.yaml");
    }

    @Test
    void appliesDefaultsForWhatIsLeftOut() {
        Catalogue catalogue = loadValidCatalogue();
        ServiceDescription v2 = service(catalogue, "PS/GOV/MOI/civil-registry/person-by-id/v2");
        ServiceDescription extract = service(catalogue, "PS/GOV/MOI/civil-registry/FamilyExtract");

        assertThat(v2.kind()).isEqualTo(ServiceKind.NOTIFICATION);
        assertThat(v2.sla()).isEqualTo(new Sla(Duration.ofSeconds(10), null));
        assertThat(v2.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(v2.consumers()).isEqualTo(4);
        assertThat(v2.bodyLogging()).isEqualTo(BodyLogging.METADATA);
        assertThat(v2.owner()).isNull();
        assertThat(v2.contract()).isNull();
        assertThat(v2.contractType()).isNull();
        assertThat(v2.dataSubject()).isNull();
        assertThat(extract.protocol()).isEqualTo(ServiceProtocol.SOAP);
        assertThat(extract.kind()).isEqualTo(ServiceKind.QUERY);
        assertThat(extract.id().version()).isNull();
        assertThat(extract.mediation()).isEqualTo(Mediation.NONE);
        assertThat(extract.connector().settings()).isEmpty();
    }

    @Test
    void keepsMembersWithTheirSubsystemsAndNames() {
        Catalogue catalogue = loadValidCatalogue();
        Member moh = catalogue.member(MemberId.parse("PS/GOV/MOH")).orElseThrow();

        assertThat(moh.name()).isEqualTo(new BilingualText("وزارة الصحة", "Ministry of Health"));
        assertThat(moh.subsystems()).containsExactly(
                new Subsystem(SubsystemId.parse("PS/GOV/MOH/health-records"), new BilingualText("السجلات الصحية", "Health records")),
                new Subsystem(SubsystemId.parse("PS/GOV/MOH/pharmacy"), new BilingualText("الصيدلية", "Pharmacy")));
        assertThat(moh.subsystem("pharmacy").map(Subsystem::code)).contains("pharmacy");
        assertThat(catalogue.subsystem(SubsystemId.parse("PS/GOV/MOI/civil-registry")).orElseThrow().name())
                .isEqualTo(new BilingualText("السجل المدني", "Civil registry"));
        assertThat(catalogue.subsystem(SubsystemId.parse("PS/GOV/MOI/passports"))).isEmpty();
        assertThat(catalogue.member(MemberId.parse("PS/GOV/MOX"))).isEmpty();
    }

    @Test
    void readsYmlFilesToo() {
        write(folder, "moi.yaml", moi(VALID_SERVICE));
        write(folder, "moh.yml", CLIENTS);

        assertThat(loader.load(folder).isKnown(ClientId.parse("PS/GOV/MOH/health-records"))).isTrue();
    }

    @Test
    void anEmptyFileDeclaresNothing() {
        write(folder, "moi.yaml", moi(VALID_SERVICE));
        write(folder, "empty.yaml", "# nothing here yet\n");

        assertThat(loader.load(folder).members()).hasSize(1);
    }

    @Test
    void loadsSeveralFoldersAsOneCatalogue() {
        write(folder, "shared/moi.yaml", moi(VALID_SERVICE));
        write(folder, "site/moh.yaml", CLIENTS);

        Catalogue catalogue = loader.load(List.of(folder.resolve("shared"), folder.resolve("site")));

        assertThat(catalogue.members()).hasSize(3);
    }

    // ---------------------------------------------------------------- invalid catalogues

    private List<String> problemsLoading() {
        CatalogueException e = catchThrowableOfType(CatalogueException.class, () -> loader.load(folder));
        assertThat(e).as("the catalogue must be refused").isNotNull();
        // The message is what an operator sees at start-up: it must list every problem.
        assertThat(e.getMessage()).contains(e.problems());
        return e.problems();
    }

    /** {@code moi.yaml: line N: } for the first line of the content holding the text. */
    private static String at(String file, String content, String text) {
        return file + ": line " + lineOf(content, text) + ": ";
    }

    @Test
    void unknownKeyIsAnErrorNamingFileLineAndPath() {
        String content = moi(VALID_SERVICE + """
                clinets:
                  - PS/GOV/MOH/health-records
                """);
        write(folder, "moi.yaml", content);

        assertThat(problemsLoading()).containsExactly(at("moi.yaml", content, "clinets:")
                + "members[0].subsystems[0].services[0].clinets: unknown key (misspelt, or not allowed here)");
    }

    @Test
    void aMisspeltRequiredKeyIsReportedAsUnknownBeforeMissing() {
        String content = moi(VALID_SERVICE.replace("protocol: rest", "protocoll: rest"));
        write(folder, "moi.yaml", content);

        assertThat(problemsLoading()).containsExactly(
                at("moi.yaml", content, "protocoll:") + "members[0].subsystems[0].services[0].protocoll: "
                        + "unknown key (misspelt, or not allowed here)",
                at("moi.yaml", content, "- code: person-by-id") + "members[0].subsystems[0].services[0].protocol: is required");
    }

    @Test
    void unknownKeyHigherUpPointsAtTheKeyNotTheEndOfTheEntry() {
        String content = moi(VALID_SERVICE, VALID_SERVICE.replace("v1", "v2"))
                .replace("    name: { ar: وزارة الداخلية", "    nmae: { ar: وزارة الداخلية");
        write(folder, "moi.yaml", content);

        assertThat(problemsLoading()).containsExactly(
                at("moi.yaml", content, "nmae:") + "members[0].nmae: unknown key (misspelt, or not allowed here)",
                at("moi.yaml", content, "- id: PS/GOV/MOI") + "members[0].name: is required");
    }

    @Test
    void brokenYamlNamesTheFileAndLine() {
        write(folder, "moi.yaml", """
                members:
                  - id: PS/GOV/MOI
                    subsystems: [ { code: civil-registry
                """);

        assertThat(problemsLoading()).singleElement().asString().matches("(?s)moi\\.yaml: line 3: .+");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() {
        String content = moi(VALID_SERVICE + "consumers: many\n");
        write(folder, "moi.yaml", content);

        assertThat(problemsLoading()).singleElement().asString()
                .startsWith(at("moi.yaml", content, "consumers:") + "members[0].subsystems[0].services[0].consumers: ")
                .contains("integer");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PS/GOV         | member id 'PS/GOV' must have 3 '/'-separated parts, found 2",
            "PS//MOI        | member class is missing",
            "PS/GOV/MO.I    | member code 'MO.I' must be 1-64 ASCII letters, digits, '-' or '_', starting with a letter or digit",
            "PS/GOV/الداخلية | member code 'الداخلية' must be 1-64 ASCII letters, digits, '-' or '_', starting with a letter or digit",
    })
    void badMemberIdNamesFileLineEntryAndProblem(String id, String problem) {
        write(folder, "moi.yaml", "members:\n  - name: { ar: وزارة, en: Ministry }\n    id: \"" + id + "\"\n");

        assertThat(problemsLoading()).containsExactly("moi.yaml: line 3: members[0].id: " + problem);
    }

    @Test
    void missingMemberIdIsAnError() {
        String content = CLIENTS + "  - name: { ar: لا أحد, en: Nobody }\n";
        write(folder, "moh.yaml", content);

        assertThat(problemsLoading()).containsExactly(at("moh.yaml", content, "Nobody") + "members[2].id: is required");
    }

    @Test
    void badSubsystemCodeNamesTheMember() {
        String content = moi(VALID_SERVICE).replace("code: civil-registry", "code: civil.registry");
        write(folder, "moi.yaml", content);

        assertThat(problemsLoading()).containsExactly(at("moi.yaml", content, "civil.registry")
                + "members[0] (PS/GOV/MOI).subsystems[0].code: subsystem code 'civil.registry' must be 1-64 ASCII "
                + "letters, digits, '-' or '_', starting with a letter or digit");
    }

    @Test
    void aServiceCannotTakeTheCodeOfAMetadataService() {
        write(folder, "moi.yaml", moi(VALID_SERVICE.replace("code: person-by-id", "code: listMethods")));

        assertThat(problemsLoading()).singleElement().asString()
                .contains("(PS/GOV/MOI/civil-registry/listMethods/v1)")
                .endsWith("code 'listMethods' is reserved for X-Road's metadata services "
                        + "[listMethods, allowedMethods, getOpenAPI, getWsdl]");
    }

    @Test
    void duplicateSubsystemIsAnError() {
        String content = CLIENTS.replace("code: pharmacy", "code: health-records");
        write(folder, "moh.yaml", content);

        assertThat(problemsLoading()).containsExactly("moh.yaml: line " + (lineOf(content, "name: { ar: الصيدلية") - 1)
                + ": members[0] (PS/GOV/MOH).subsystems[1]: subsystem 'health-records' is declared twice");
    }

    @Test
    void memberDeclaredInTwoFilesNamesBothFiles() {
        write(folder, "moi.yaml", moi(VALID_SERVICE));
        write(folder, "moh.yaml", CLIENTS);
        write(folder, "zz-moh-again.yaml", """
                members:
                  - id: PS/GOV/MOL
                    name: { ar: وزارة العمل, en: Ministry of Labour }
                  - id: PS/GOV/MOH
                    name: { ar: وزارة الصحة, en: Ministry of Health }
                """);

        assertThat(problemsLoading()).containsExactly(
                "zz-moh-again.yaml: line 2: members[0] (PS/GOV/MOL): member is declared twice, also in moh.yaml",
                "zz-moh-again.yaml: line 4: members[1] (PS/GOV/MOH): member is declared twice, also in moh.yaml");
    }

    @Test
    void duplicateServiceIsAnError() {
        String content = moi(VALID_SERVICE, VALID_SERVICE);
        write(folder, "moi.yaml", content);

        assertThat(problemsLoading()).containsExactly("moi.yaml: line " + (lineOf(content, "- code: person-by-id") + 6)
                + ": members[0] (PS/GOV/MOI).subsystems[0].services[1]" + PERSON_V1 + ": service is declared twice");
    }

    @Test
    void sameServiceCodeWithAnotherVersionIsNotADuplicate() {
        write(folder, "moi.yaml", moi(VALID_SERVICE, VALID_SERVICE.replace("version: v1", "version: v2"),
                VALID_SERVICE.replace("version: v1\n", "")));

        assertThat(loader.load(folder).services()).hasSize(3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "protocol: grpc        | protocol | 'grpc' is not one of [rest, soap]",
            "protocol: REST        | protocol | 'REST' is not one of [rest, soap]",
            "kind: async           | kind     | 'async' is not one of [query, notification]",
            "consumers: 0          | consumers | must be between 1 and 500",
            "consumers: 501        | consumers | must be between 1 and 500",
            "connector: { url: x } | connector.type | is required",
    })
    void aValueTheSchemaRefusesNamesLineAndField(String replacement, String field, String problem) {
        String key = replacement.substring(0, replacement.indexOf(':') + 1);
        String base = VALID_SERVICE.lines().filter(l -> !l.startsWith(key)).map(l -> l + "\n")
                .reduce("", String::concat);
        String content = moi(base + replacement + "\n");
        write(folder, "moi.yaml", content);

        assertThat(problemsLoading()).containsExactly(at("moi.yaml", content, replacement)
                + "members[0].subsystems[0].services[0]." + field + ": " + problem);
    }

    @Test
    void missingProtocolIsAnError() {
        String content = moi(VALID_SERVICE.replace("protocol: rest\n", ""));
        write(folder, "moi.yaml", content);

        assertThat(problemsLoading()).containsExactly(
                at("moi.yaml", content, "- code: person-by-id") + "members[0].subsystems[0].services[0].protocol: is required");
    }

    @Test
    void consumersAtTheLimitsAreAccepted() {
        write(folder, "moi.yaml", moi(VALID_SERVICE + "consumers: 1\n",
                VALID_SERVICE.replace("v1", "v2") + "consumers: 500\n"));

        assertThat(loader.load(folder).services()).extracting(ServiceDescription::consumers)
                .containsExactlyInAnyOrder(1, 500);
    }

    @Test
    void notificationOverSoapIsAnError() {
        String content = moi(VALID_SERVICE.replace("protocol: rest", "protocol: soap") + "kind: notification\n");
        write(folder, "moi.yaml", content);

        assertThat(problemsLoading()).containsExactly(at("moi.yaml", content, "kind: notification") + SERVICE_0
                + PERSON_V1 + ".kind: notifications are offered over REST only; use protocol: rest");
    }

    @Test
    void badServiceCodeIsAnError() {
        String content = moi(VALID_SERVICE.replace("code: person-by-id", "code: person/by/id"));
        write(folder, "moi.yaml", content);

        assertThat(problemsLoading()).singleElement().asString()
                .startsWith(at("moi.yaml", content, "person/by/id") + SERVICE_0 + ": service code 'person/by/id' must be 1-64 ASCII");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String moi = moi(
                VALID_SERVICE + "sla: { timeout: 0s }\n",
                VALID_SERVICE.replace("v1", "v2").replace("protocol: rest", "protocol: soap") + "kind: notification\n",
                VALID_SERVICE.replace("v1", "v3").replace("code: person-by-id", "code: person.by.id"));
        String mol = "members:\n  - id: PS/GOV\n    name: { ar: وزارة العمل, en: Labour }\n";
        String typo = "members:\n  - id: PS/GOV/TYP\n    name: { ar: خطأ, en: Typo }\n    colour: blue\n";
        write(folder, "moi.yaml", moi);
        write(folder, "mol.yaml", mol);
        write(folder, "typo.yaml", typo);

        assertThat(problemsLoading()).containsExactly(
                at("moi.yaml", moi, "timeout: 0s") + SERVICE_0 + PERSON_V1 + ".sla.timeout: must be more than zero",
                at("moi.yaml", moi, "kind: notification") + "members[0] (PS/GOV/MOI).subsystems[0].services[1] "
                        + "(PS/GOV/MOI/civil-registry/person-by-id/v2).kind: notifications are offered over REST only; use protocol: rest",
                at("moi.yaml", moi, "person.by.id") + "members[0] (PS/GOV/MOI).subsystems[0].services[2]: "
                        + "service code 'person.by.id' must be 1-64 ASCII letters, digits, '-' or '_', starting with a letter or digit",
                "mol.yaml: line 2: members[0].id: member id 'PS/GOV' must have 3 '/'-separated parts, found 2",
                "typo.yaml: line 4: members[0].colour: unknown key (misspelt, or not allowed here)");
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
