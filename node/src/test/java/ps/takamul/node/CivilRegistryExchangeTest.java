package ps.takamul.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.examples.civilregistry.CivilRegistryServer;
import ps.takamul.examples.civilregistry.Family;
import ps.takamul.examples.civilregistry.Person;
import ps.takamul.examples.civilregistry.Population;
import ps.takamul.examples.civilregistry.PopulationGenerator;
import ps.takamul.node.support.Http;
import ps.takamul.node.support.SoapEnvelopes;
import ps.takamul.node.support.TestNodes;
import ps.takamul.node.support.TestProvider;

/**
 * The two civil-registry flows of the demo, end to end over real sockets: the Ministry of Health
 * over REST (mediated to the legacy SOAP registry, JSON out), and the Ministry of Labour over
 * SOAP, each through the node's Artemis queues. Arabic names must arrive byte for byte.
 */
class CivilRegistryExchangeTest {
    private static final String MOH = "PS/GOV/MOH/health-records";
    private static final String MOL = "PS/GOV/MOL/labour-registry";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Population population;
    static CivilRegistryServer registry;
    static TestProvider provider;
    static TakamulNode node;

    @BeforeAll
    static void start() throws Exception {
        population = PopulationGenerator.generate();
        registry = CivilRegistryServer.start("127.0.0.1", CivilRegistryServer.freePort(), population);
        provider = new TestProvider();
        node = TestNodes.start(TestNodes.settings(dir, TestNodes.catalogue(dir), provider.url(),
                registry.address(), registry.address()));
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
        registry.stop();
        provider.close();
    }

    private Person someMarriedFather() {
        return population.persons().stream()
                .filter(p -> p.getSpouseId() != null && p.getGender().name().equals("M"))
                .filter(p -> population.familyOf(p.getNationalId()).map(f -> f.members().size() >= 3).orElse(false))
                .findFirst().orElseThrow();
    }

    @Test
    void healthMinistryGetsPersonAsJsonOverRest() throws Exception {
        Person person = someMarriedFather();
        HttpResponse<byte[]> response = Http.send(Http.get(node.restBaseUrl()
                + "/PS/GOV/MOI/civil-registry/person-by-id/v1/" + person.getNationalId(), MOH).header("Takamul-Purpose", "health-insurance")
                .header("X-Road-Id", "moh-req-0001").header("X-Road-UserId", "PS-doctor-9"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.headers().firstValue("X-Road-Id")).hasValue("moh-req-0001");
        assertThat(response.headers().firstValue("X-Road-Client")).hasValue(MOH);
        assertThat(response.headers().firstValue("X-Road-Service")).hasValue("PS/GOV/MOI/civil-registry/person-by-id/v1");
        JsonNode json = JSON.readTree(response.body()).path("person");
        assertThat(json.path("nationalId").asText()).isEqualTo(person.getNationalId());
        assertThat(json.path("firstNameAr").asText()).isEqualTo(person.getFirstNameAr());
        assertThat(json.path("familyNameAr").asText()).isEqualTo(person.getFamilyNameAr());
        // The agreement (config/agreements/civil-registry.yaml) withholds the rest of the record.
        assertThat(json.has("birthPlaceAr")).as("birth place withheld").isFalse();
        assertThat(json.has("firstNameEn")).as("English name withheld").isFalse();
        assertThat(indexOf(response.body(), person.getBirthPlaceAr().getBytes(StandardCharsets.UTF_8))).isNegative();
        // Byte for byte: the UTF-8 encoding of the Arabic name is in the raw response.
        assertThat(indexOf(response.body(), person.getFirstNameAr().getBytes(StandardCharsets.UTF_8))).isNotNegative();
    }

    @Test
    void healthMinistryGetsFamilyExtractWithEveryMember() throws Exception {
        Person father = someMarriedFather();
        Family family = population.familyOf(father.getNationalId()).orElseThrow();
        HttpResponse<byte[]> response = Http.send(Http.get(node.restBaseUrl()
                + "/PS/GOV/MOI/civil-registry/family-extract/v1/" + father.getNationalId(), MOH).header("Takamul-Purpose", "health-insurance"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.path("headOfFamily").path("nationalId").asText()).isEqualTo(family.head().getNationalId());
        JsonNode members = json.path("member");
        assertThat(members.isArray()).isTrue();
        assertThat(members).hasSize(family.members().size());
        for (int i = 0; i < members.size(); i++) {
            Person expected = family.members().get(i).getPerson();
            assertThat(members.get(i).path("person").path("nationalId").asText()).isEqualTo(expected.getNationalId());
            assertThat(members.get(i).path("person").path("firstNameAr").asText()).isEqualTo(expected.getFirstNameAr());
        }
    }

    @Test
    void aFamilyOfOneMemberIsStillAList() throws Exception {
        Person single = population.persons().stream()
                .filter(p -> population.familyOf(p.getNationalId()).map(f -> f.members().size() == 1).orElse(false))
                .findFirst().orElseThrow();
        HttpResponse<byte[]> response = Http.send(Http.get(node.restBaseUrl()
                + "/PS/GOV/MOI/civil-registry/family-extract/v1/" + single.getNationalId(), MOH).header("Takamul-Purpose", "health-insurance"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode members = JSON.readTree(response.body()).path("member");
        assertThat(members.isArray()).as("member is a JSON array: %s", members).isTrue();
        assertThat(members).hasSize(1);
    }

    @Test
    void labourMinistryGetsPersonOverSoapWithHeadersEchoed() throws Exception {
        Person person = someMarriedFather();
        String envelope = SoapEnvelopes.request(MOL, "PS/GOV/MOI/civil-registry/PersonByNationalId", "v1",
                "mol-0001", SoapEnvelopes.personById(person.getNationalId()));
        HttpResponse<byte[]> response = Http.send(Http.soap(node.soapAddress(), envelope));

        String xml = Http.text(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(xml).contains("<xrd:id xmlns:xrd=\"http://x-road.eu/xsd/xroad.xsd\">mol-0001</xrd:id>")
                .contains("<id:memberCode>MOL</id:memberCode>")
                .contains("<id:serviceCode>PersonByNationalId</id:serviceCode>")
                .contains("PersonByNationalIdResponse")
                .contains("<nationalId>" + person.getNationalId() + "</nationalId>")
                .contains("<firstNameAr>" + person.getFirstNameAr() + "</firstNameAr>")
                .contains("<familyNameAr>" + person.getFamilyNameAr() + "</familyNameAr>")
                .doesNotContain("<birthPlaceAr>").doesNotContain("<fatherNameAr>");
        assertThat(indexOf(response.body(), person.getFamilyNameAr().getBytes(StandardCharsets.UTF_8))).isNotNegative();
    }

    @Test
    void labourMinistryGetsFamilyExtractOverSoap() throws Exception {
        Person father = someMarriedFather();
        Family family = population.familyOf(father.getNationalId()).orElseThrow();
        String envelope = SoapEnvelopes.request(MOL, "PS/GOV/MOI/civil-registry/FamilyExtract", "v1",
                "mol-0002", SoapEnvelopes.familyExtract(father.getNationalId()));
        HttpResponse<byte[]> response = Http.send(Http.soap(node.soapAddress(), envelope));

        String xml = Http.text(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(xml).contains("FamilyExtractResponse");
        for (var member : family.members()) {
            assertThat(xml).contains("<nationalId>" + member.getPerson().getNationalId() + "</nationalId>");
        }
    }

    @Test
    void unknownPersonIsTheProvidersFaultOverBothProtocols() throws Exception {
        String unknown = "100000009"; // valid check digit, not in the registry
        assertThat(population.byId(unknown)).isEmpty();

        HttpResponse<byte[]> rest = Http.send(Http.get(node.restBaseUrl()
                + "/PS/GOV/MOI/civil-registry/person-by-id/v1/" + unknown, MOH).header("Takamul-Purpose", "health-insurance"));
        assertThat(rest.statusCode()).isEqualTo(502);
        assertThat(rest.headers().firstValue("X-Road-Error")).hasValue("Server.ProviderFault");
        JsonNode problem = JSON.readTree(rest.body());
        assertThat(problem.path("code").asText()).isEqualTo("Server.ProviderFault");
        assertThat(problem.path("detail").asText()).startsWith("PERSON_NOT_FOUND");

        HttpResponse<byte[]> soap = Http.send(Http.soap(node.soapAddress(), SoapEnvelopes.request(MOL,
                "PS/GOV/MOI/civil-registry/PersonByNationalId", "v1", "mol-0003", SoapEnvelopes.personById(unknown))));
        assertThat(soap.statusCode()).isEqualTo(500);
        assertThat(Http.text(soap)).contains("<faultcode>soap:Server.ProviderFault</faultcode>")
                .contains("PERSON_NOT_FOUND").contains("mol-0003");
    }

    @Test
    void mediationRefusesAPathThatIsNotANationalId() throws Exception {
        HttpResponse<byte[]> response = Http.send(Http.get(node.restBaseUrl()
                + "/PS/GOV/MOI/civil-registry/person-by-id/v1/not-an-id", MOH).header("Takamul-Purpose", "health-insurance"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("Client.InvalidRequest");
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
