package ps.takamul.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static ps.takamul.core.catalogue.CatalogueFiles.VALID_SERVICE;
import static ps.takamul.core.catalogue.CatalogueFiles.VALID_SOAP_SERVICE;
import static ps.takamul.core.catalogue.CatalogueFiles.lineOf;
import static ps.takamul.core.catalogue.CatalogueFiles.moi;
import static ps.takamul.core.catalogue.CatalogueFiles.write;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.core.identifier.ServiceId;

/**
 * What the catalogue says about a service for people and for the audit log: names and
 * descriptions in both languages, owner, body logging, data subject, service levels.
 */
class ServiceMetadataTest {
    private static final String SERVICE_0 = "members[0].subsystems[0].services[0]";
    private static final String CHECKED_0 = "members[0] (PS/GOV/MOI).subsystems[0].services[0]"
            + " (PS/GOV/MOI/civil-registry/person-by-id/v1)";
    private static final ServiceId PERSON_V1 = ServiceId.parse("PS/GOV/MOI/civil-registry/person-by-id/v1");

    @TempDir
    Path folder;

    private final CatalogueLoader loader = new CatalogueLoader();

    private ServiceDescription loadService(String content) {
        write(folder, "moi.yaml", content);
        return loader.load(folder).service(PERSON_V1).orElseThrow();
    }

    private String onlyProblem(String content, String lineWith) {
        return CatalogueFiles.onlyProblem(folder, content, lineWith);
    }

    // ---------------------------------------------------------------- names and descriptions

    @Test
    void namesAndDescriptionsAreKeptInBothLanguages() {
        write(folder, "moi.yaml", moi(VALID_SERVICE));
        Catalogue catalogue = loader.load(folder);

        Member moi = catalogue.member(MemberId.parse("PS/GOV/MOI")).orElseThrow();
        assertThat(moi.name()).isEqualTo(new BilingualText("وزارة الداخلية", "Ministry of Interior"));
        assertThat(moi.subsystems()).singleElement().extracting(Subsystem::name)
                .isEqualTo(new BilingualText("السجل المدني", "Civil registry"));
        ServiceDescription service = catalogue.service(PERSON_V1).orElseThrow();
        assertThat(service.name()).isEqualTo(new BilingualText("بيانات شخص", "Person"));
        assertThat(service.description()).isEqualTo(new BilingualText("بيانات شخص حسب رقم الهوية", "Person by national ID"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // what is replaced                                | by                                       | line with      | field, problem
            "name: { ar: بيانات شخص, en: Person }              | name: { en: Person }                     | name: { en:    | " + SERVICE_0 + ".name.ar: is required",
            "name: { ar: بيانات شخص, en: Person }              | name: { ar: Person, en: Person }         | name: { ar: P  | " + SERVICE_0 + ".name.ar: must be written in Arabic",
            "name: { ar: بيانات شخص, en: Person }              | name: { ar: بيانات شخص, en: ' ' }        | en: ' '        | " + SERVICE_0 + ".name.en: must not be empty",
            "name: { ar: بيانات شخص, en: Person }              | name: { ar: بيانات شخص, en: Person, fr: Personne } | fr: Personne | " + SERVICE_0 + ".name.fr: unknown key (misspelt, or not allowed here)",
            "name: { ar: بيانات شخص, en: Person }              | name: بيانات شخص                          | name: بيانات   | " + SERVICE_0 + ".name: string found, object expected",
            "name: { ar: وزارة الداخلية, en: Ministry of Interior } | name: { en: Ministry of Interior }  | Ministry of    | members[0].name.ar: is required",
            "name: { ar: السجل المدني, en: Civil registry }    | name: { ar: السجل المدني }                | السجل المدني   | members[0].subsystems[0].name.en: is required",
    })
    void bothLanguagesAreRequired(String replaced, String by, String lineWith, String problem) {
        String content = moi(VALID_SERVICE).replace(replaced, by);

        assertThat(onlyProblem(content, lineWith)).isEqualTo(problem);
    }

    @Test
    void aServiceWithoutDescriptionIsRefused() {
        String content = moi(VALID_SERVICE.lines().filter(l -> !l.startsWith("description:"))
                .reduce("", (a, l) -> a + l + "\n"));

        assertThat(onlyProblem(content, "- code: person-by-id")).isEqualTo(SERVICE_0 + ".description: is required");
    }

    @Test
    void aSubsystemWithoutANameIsRefused() {
        String content = moi(VALID_SERVICE).replace("        name: { ar: السجل المدني, en: Civil registry }\n", "");

        assertThat(onlyProblem(content, "- code: civil-registry")).isEqualTo("members[0].subsystems[0].name: is required");
    }

    // ---------------------------------------------------------------- owner

    @Test
    void theOwnerIsKept() {
        ServiceDescription service = loadService(moi(VALID_SERVICE + """
                owner:
                  unit: { ar: مديرية الأحوال المدنية, en: Civil registry directorate }
                  contact: civil-registry@moi.gov.ps
                """));

        assertThat(service.owner()).isEqualTo(new Owner(
                new BilingualText("مديرية الأحوال المدنية", "Civil registry directorate"), "civil-registry@moi.gov.ps"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "contact: civil-registry                 | contact:   | .owner.contact: must be an e-mail address",
            "contact: registry@moi                   | contact:   | .owner.contact: must be an e-mail address",
            "unit: { ar: الأحوال المدنية }           | unit:      | .owner.unit.en: is required",
    })
    void aBadOwnerIsRefused(String line, String lineWith, String problem) {
        String owner = "owner:\n  unit: { ar: مديرية الأحوال المدنية, en: Civil registry directorate }\n"
                + "  contact: civil-registry@moi.gov.ps\n";
        String key = line.substring(0, line.indexOf(':'));
        owner = owner.lines().map(l -> l.strip().startsWith(key + ":") ? "  " + line : l)
                .reduce("", (a, l) -> a + l + "\n");
        String content = moi(VALID_SERVICE + owner);

        assertThat(onlyProblem(content, lineWith)).isEqualTo(SERVICE_0 + problem);
    }

    @Test
    void anOwnerWithoutContactIsRefused() {
        String content = moi(VALID_SERVICE + "owner: { unit: { ar: الأحوال المدنية, en: Civil registry } }\n");

        assertThat(onlyProblem(content, "owner:")).isEqualTo(SERVICE_0 + ".owner.contact: is required");
    }

    // ---------------------------------------------------------------- body logging

    @Test
    void bodyLoggingIsMetadataUnlessTheMemberOrServiceSaysOtherwise() {
        String services = moi(VALID_SERVICE,
                VALID_SERVICE.replace("v1", "v2") + "bodyLogging: full\n",
                VALID_SERVICE.replace("v1", "v3") + "bodyLogging: none\n");
        write(folder, "moi.yaml", services);
        write(folder, "mof.yaml", services.replace("PS/GOV/MOI", "PS/GOV/MOF")
                .replace("    subsystems:", "    bodyLogging: none\n    subsystems:"));
        Catalogue catalogue = loader.load(folder);

        assertThat(bodyLogging(catalogue, "PS/GOV/MOI", "v1")).as("default").isEqualTo(BodyLogging.METADATA);
        assertThat(bodyLogging(catalogue, "PS/GOV/MOI", "v2")).as("the service's own").isEqualTo(BodyLogging.FULL);
        assertThat(bodyLogging(catalogue, "PS/GOV/MOI", "v3")).isEqualTo(BodyLogging.NONE);
        assertThat(bodyLogging(catalogue, "PS/GOV/MOF", "v1")).as("the member's").isEqualTo(BodyLogging.NONE);
        assertThat(bodyLogging(catalogue, "PS/GOV/MOF", "v2")).as("the service's over the member's").isEqualTo(BodyLogging.FULL);
        assertThat(catalogue.member(MemberId.parse("PS/GOV/MOF")).orElseThrow().bodyLogging()).isEqualTo(BodyLogging.NONE);
        assertThat(catalogue.member(MemberId.parse("PS/GOV/MOI")).orElseThrow().bodyLogging()).isEqualTo(BodyLogging.METADATA);
    }

    private static BodyLogging bodyLogging(Catalogue catalogue, String member, String version) {
        return catalogue.service(ServiceId.parse(member + "/civil-registry/person-by-id/" + version)).orElseThrow().bodyLogging();
    }

    @Test
    void anUnknownBodyLoggingValueIsRefused() {
        assertThat(onlyProblem(moi(VALID_SERVICE + "bodyLogging: everything\n"), "bodyLogging:"))
                .isEqualTo(SERVICE_0 + ".bodyLogging: 'everything' is not one of [none, metadata, full]");
        assertThat(onlyProblem(moi(VALID_SERVICE).replace("    subsystems:", "    bodyLogging: FULL\n    subsystems:"),
                "bodyLogging:")).as("values are lower case").isEqualTo("members[0].bodyLogging: 'FULL' is not one of [none, metadata, full]");
    }

    // ---------------------------------------------------------------- data subject

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rest | { in: path, name: nationalId }                          | PATH   | nationalId | ",
            "rest | { in: query, name: id }                                 | QUERY  | id         | ",
            "rest | { in: header, name: X-National-Id }                     | HEADER | X-National-Id | ",
            "rest | { in: json, pointer: /person/nationalId }               | JSON   |            | /person/nationalId",
            "rest | { in: xml, pointer: /PersonRequest/nationalId }         | XML    |            | /PersonRequest/nationalId",
            "soap | { in: xml, pointer: /PersonByNationalIdRequest/nationalId } | XML |          | /PersonByNationalIdRequest/nationalId",
    })
    void theDataSubjectIsKept(String protocol, String written, DataSubject.Location in, String name, String pointer) {
        String service = (protocol.equals("rest") ? VALID_SERVICE : VALID_SOAP_SERVICE.replace("PersonByNationalId", "person-by-id"))
                + "dataSubject: " + written + "\n";

        assertThat(loadService(moi(service)).dataSubject()).isEqualTo(new DataSubject(in, name, pointer));
    }

    /** The schema sees which keys go with which place; the loader sees whether the place can hold one. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rest | schema | { in: body, name: id }               | .dataSubject.in: 'body' is not one of [path, query, header, json, xml]",
            "rest | schema | { in: json }                         | .dataSubject.pointer: is required",
            "rest | schema | { in: path }                         | .dataSubject.name: is required",
            "rest | schema | { in: path, name: id, pointer: /id } | .dataSubject.pointer: is for in: json or xml; path, query and header use name",
            "rest | schema | { in: json, name: id, pointer: /id } | .dataSubject.name: is for in: path, query or header; json and xml use pointer",
            "rest | loader | { in: json, pointer: person/nationalId }   | .dataSubject.pointer: 'person/nationalId' is not a JSON Pointer such as /person/nationalId",
            "rest | loader | { in: json, pointer: '' }                  | .dataSubject.pointer: '' is not a JSON Pointer such as /person/nationalId",
            "rest | loader | { in: xml, pointer: /cr:Request/nationalId } | .dataSubject.pointer: '/cr:Request/nationalId' is not an element path such as /PersonByNationalId/nationalId (local names; no prefixes, predicates or *)",
            "rest | loader | { in: xml, pointer: /*/nationalId }         | .dataSubject.pointer: '/*/nationalId' is not an element path such as /PersonByNationalId/nationalId (local names; no prefixes, predicates or *)",
            "soap | loader | { in: path, name: nationalId }              | .dataSubject.in: a SOAP request has no path; its data subject is in the XML body (in: xml) or an HTTP header (in: header)",
            "soap | loader | { in: json, pointer: /nationalId }          | .dataSubject.in: a SOAP request has no json; its data subject is in the XML body (in: xml) or an HTTP header (in: header)",
    })
    void aDataSubjectThatCannotBeFoundIsRefused(String protocol, String by, String written, String problem) {
        String service = protocol.equals("rest") ? VALID_SERVICE
                : VALID_SOAP_SERVICE.replace("PersonByNationalId", "person-by-id");
        String content = moi(service + "dataSubject: " + written + "\n");

        assertThat(onlyProblem(content, "dataSubject:")).isEqualTo((by.equals("schema") ? SERVICE_0 : CHECKED_0) + problem);
    }

    // ---------------------------------------------------------------- service levels

    @Test
    void theTimeoutIsWrittenUnderSla() {
        ServiceDescription service = loadService(moi(VALID_SERVICE + "sla:\n  timeout: 2m\n  expectedLatency: 1500\n"));

        assertThat(service.sla()).isEqualTo(new Sla(Duration.ofMinutes(2), Duration.ofMillis(1500)));
        assertThat(service.timeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void anExpectedLatencyAloneKeepsTheDefaultTimeout() {
        ServiceDescription service = loadService(moi(VALID_SERVICE + "sla: { expectedLatency: 300ms }\n"));

        assertThat(service.sla()).isEqualTo(new Sla(Duration.ofSeconds(10), Duration.ofMillis(300)));
    }

    @Test
    void aTimeoutOutsideSlaIsRefusedWithWhereItMoved() {
        assertThat(onlyProblem(moi(VALID_SERVICE + "timeout: 5s\n"), "timeout:"))
                .isEqualTo(SERVICE_0 + ".timeout: has moved under sla (sla: timeout: 5s)");
    }

    /** The schema sees the form of durations and keys; the loader sees what they mean together. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{ timeout: 5 seconds }                 | schema | .sla.timeout: must be a duration such as 500ms, 5s or 2m",
            "{ expectedLatency: soon }              | schema | .sla.expectedLatency: must be a duration such as 500ms, 5s or 2m",
            "{ timeout: 5s, latency: 1s }           | schema | .sla.latency: unknown key (misspelt, or not allowed here)",
            "{ timeout: 0s }                        | loader | .sla.timeout: must be more than zero",
            "{ timeout: 5s, expectedLatency: 0 }    | loader | .sla.expectedLatency: must be more than zero",
            "{ timeout: 5s, expectedLatency: 5s }   | loader | .sla.expectedLatency: must be shorter than the timeout (5s)",
            "{ expectedLatency: 1m }                | loader | .sla.expectedLatency: must be shorter than the timeout (10s, the default)",
    })
    void aBadSlaIsRefused(String sla, String by, String problem) {
        assertThat(onlyProblem(moi(VALID_SERVICE + "sla: " + sla + "\n"), "sla:"))
                .isEqualTo((by.equals("schema") ? SERVICE_0 : CHECKED_0) + problem);
    }

    @Test
    void problemsOfSeveralServicesNameTheirOwnLines() {
        String content = moi(VALID_SERVICE, VALID_SERVICE.replace("v1", "v2") + "sla:\n  timeout: 5 seconds\n");
        write(folder, "moi.yaml", content);

        CatalogueException e = catchThrowableOfType(CatalogueException.class, () -> loader.load(folder));

        assertThat(e.problems()).isEqualTo(List.of("moi.yaml: line " + lineOf(content, "5 seconds")
                + ": members[0].subsystems[0].services[1].sla.timeout: must be a duration such as 500ms, 5s or 2m"));
    }
}
