package ps.takamul.node.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.examples.civilregistry.CivilRegistryServer;
import ps.takamul.examples.civilregistry.Family;
import ps.takamul.examples.civilregistry.Person;
import ps.takamul.examples.civilregistry.Population;
import ps.takamul.examples.civilregistry.PopulationGenerator;
import ps.takamul.node.TakamulNode;
import ps.takamul.node.support.Http;
import ps.takamul.node.support.LogCapture;
import ps.takamul.node.support.SoapEnvelopes;
import ps.takamul.node.support.TestNodes;
import ps.takamul.node.support.TestProvider;

/**
 * Data-sharing agreements enforced by a real node on every message, REST and SOAP: each rule
 * with a request that passes and one that is refused with its own code, nothing of a refused
 * request reaching the broker, and answers reduced to the agreed fields with Arabic intact.
 * The shipped agreements (config/agreements) plus this test's own (ENFORCEMENT below).
 */
class AgreementEnforcementTest {
    static final String MOH = "PS/GOV/MOH/health-records";
    static final String MOL = "PS/GOV/MOL/labour-registry";
    static final String MOF = "PS/GOV/MOF/e-payments";
    static final String TEST = "PS/GOV/TEST/provider";
    static final String PERSON = "/PS/GOV/MOI/civil-registry/person-by-id/v1/";
    static final String FAMILY = "/PS/GOV/MOI/civil-registry/family-extract/v1/";
    static final String ECHO = "/PS/GOV/TEST/provider/echo/v1/";
    static final ObjectMapper JSON = new ObjectMapper();

    static final String ENFORCEMENT = """
            groups:
              social-aid: [PS/GOV/MOF]
            agreements:
              - id: MOF-EXPIRED
                consumer: PS/GOV/MOF/e-payments
                service: PS/GOV/MOI/civil-registry/person-by-id/v1
                operations: ["GET /{nationalId}"]
                validFrom: 2024-01-01T00:00:00Z
                validUntil: 2025-01-01T00:00:00Z
                approvedBy: "وزارة الداخلية"
                approvedAt: 2023-12-01T00:00:00Z
              - id: TEST-FUTURE
                consumer: PS/GOV/TEST/provider
                service: PS/GOV/MOI/civil-registry/person-by-id/v1
                operations: ["GET /{nationalId}"]
                validFrom: 2099-01-01T00:00:00Z
                approvedBy: "وزارة الداخلية"
                approvedAt: 2026-01-01T00:00:00Z
              - id: SOCIAL-AID-FAMILY
                consumer: group:social-aid
                service: PS/GOV/MOI/civil-registry/family-extract/v1
                operations: ["GET /{nationalId}"]
                responseFields: [/headOfFamily/nationalId, /member/*/relation, /member/*/person/nationalId,
                                 /member/*/person/firstNameAr]
                purposes: [social-aid]
                validFrom: 2026-01-01T00:00:00Z
                approvedBy: "وزارة الداخلية"
                approvedAt: 2026-01-01T00:00:00Z
              - id: TEST-ECHO-PACED
                consumer: PS/GOV/TEST/provider
                service: PS/GOV/TEST/provider/echo/v1
                operations: ["GET /**"]
                rateLimit: 3 per 1h
                validFrom: 2026-01-01T00:00:00Z
                approvedBy: test
                approvedAt: 2026-01-01T00:00:00Z
              - id: MOL-ECHO-QUOTA
                consumer: PS/GOV/MOL
                service: PS/GOV/TEST/provider/echo/v1
                operations: ["GET /**"]
                quota: 2 per 1d
                validFrom: 2026-01-01T00:00:00Z
                approvedBy: test
                approvedAt: 2026-01-01T00:00:00Z
              - id: TEST-SOAP-PACED
                consumer: PS/GOV/TEST/provider
                service: PS/GOV/TEST/provider/SlowPersonByNationalId/v1
                operations: ["SOAP PersonByNationalIdRequest"]
                rateLimit: 1 per 1h
                validFrom: 2026-01-01T00:00:00Z
                approvedBy: test
                approvedAt: 2026-01-01T00:00:00Z
            """;

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
        Files.writeString(TestNodes.agreements(dir).resolve("enforcement.yaml"), ENFORCEMENT);
        node = TestNodes.start(TestNodes.settings(dir, TestNodes.catalogue(dir), provider.url(),
                registry.address(), registry.address()));
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
        registry.stop();
        provider.close();
    }

    static Person someFatherOfThree() {
        return population.persons().stream()
                .filter(p -> p.getGender().name().equals("M"))
                .filter(p -> population.familyOf(p.getNationalId()).map(f -> f.members().size() >= 3).orElse(false))
                .findFirst().orElseThrow();
    }

    static HttpRequest.Builder get(String path, String client, String purpose) {
        HttpRequest.Builder request = Http.get(node.restBaseUrl() + path, client);
        return purpose == null ? request : request.header("Takamul-Purpose", purpose);
    }

    /** Refused with this status and code, logged with the code, and nothing put on the broker. */
    static HttpResponse<byte[]> refused(HttpRequest.Builder request, int status, String code) throws Exception {
        long before = node.broker().messagesAdded("takamul.");
        try (LogCapture log = new LogCapture("takamul.exchange")) {
            HttpResponse<byte[]> response = Http.send(request);
            assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(status);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("X-Road-Error")).hasValue(code);
            assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo(code);
            assertThat(log.lines()).anyMatch(line -> line.contains("error=" + code));
            assertThat(node.broker().messagesAdded("takamul.")).as("nothing enqueued").isEqualTo(before);
            return response;
        }
    }

    static String soapFault(String client, String service, String messageId, String payload, String purpose) throws Exception {
        String envelope = SoapEnvelopes.request(client, service, "v1", messageId, payload)
                .replace("<tkm:purpose>" + SoapEnvelopes.PURPOSE + "</tkm:purpose>",
                        purpose == null ? "" : "<tkm:purpose>" + purpose + "</tkm:purpose>");
        long before = node.broker().messagesAdded("takamul.");
        HttpResponse<byte[]> response = Http.send(Http.soap(node.soapAddress(), envelope));
        assertThat(node.broker().messagesAdded("takamul.")).as("nothing enqueued").isEqualTo(before);
        assertThat(response.statusCode()).isEqualTo(500);
        return Http.text(response);
    }

    @Nested
    class Rest {
        @Test
        void anAgreementInForceServesOnlyItsFieldsArabicIntact() throws Exception {
            Person person = someFatherOfThree();
            try (LogCapture log = new LogCapture("takamul.exchange")) {
                HttpResponse<byte[]> response = Http.send(get(PERSON + person.getNationalId(), MOH, "hospital-admission")
                        .header("X-Road-Id", "moh-agreement-1"));
                assertThat(response.statusCode()).isEqualTo(200);
                JsonNode json = JSON.readTree(response.body()).path("person");
                assertThat(json.path("firstNameAr").asText()).isEqualTo(person.getFirstNameAr());
                assertThat(json.path("fatherNameAr").asText()).isEqualTo(person.getFatherNameAr());
                assertThat(json.has("grandfatherNameAr")).isFalse();
                assertThat(json.has("familyNameEn")).isFalse();
                assertThat(json.has("maritalStatus")).isFalse();
                assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains(person.getFamilyNameAr());
                assertThat(log.lines()).anyMatch(line -> line.contains("id=moh-agreement-1")
                        && line.contains("agreement=MOI-MOH-2026-001") && !line.contains("withheld=0"));
            }
        }

        @Test
        void nestedArraysAreReducedForAGroupMember() throws Exception {
            Person father = someFatherOfThree();
            Family family = population.familyOf(father.getNationalId()).orElseThrow();
            HttpResponse<byte[]> response = Http.send(get(FAMILY + father.getNationalId(), MOF, "social-aid"));
            assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
            JsonNode json = JSON.readTree(response.body());
            assertThat(json.path("headOfFamily").path("nationalId").asText()).isEqualTo(family.head().getNationalId());
            assertThat(json.path("headOfFamily").size()).as("only the national ID of the head").isEqualTo(1);
            JsonNode members = json.path("member");
            assertThat(members).hasSize(family.members().size());
            for (int i = 0; i < members.size(); i++) {
                Person expected = family.members().get(i).getPerson();
                JsonNode person = members.get(i).path("person");
                assertThat(person.path("firstNameAr").asText()).isEqualTo(expected.getFirstNameAr());
                assertThat(person.has("familyNameAr")).isFalse();
                assertThat(person.has("birthDate")).isFalse();
                assertThat(person.size()).isEqualTo(2);
            }
        }

        @Test
        void noAgreementIsRefused() throws Exception {
            refused(get(PERSON + someFatherOfThree().getNationalId(), MOL, "work-permit-check"), 403, "Client.NoAgreement");
        }

        @Test
        void anExpiredAgreementIsRefused() throws Exception {
            refused(get(PERSON + someFatherOfThree().getNationalId(), MOF, null), 403, "Client.AgreementExpired");
        }

        @Test
        void aFutureAgreementIsRefused() throws Exception {
            refused(get(PERSON + someFatherOfThree().getNationalId(), TEST, null), 403, "Client.AgreementNotYetValid");
        }

        @Test
        void anOperationOutsideTheAgreementIsRefused() throws Exception {
            refused(get(PERSON + someFatherOfThree().getNationalId() + "/photo", MOH, "health-insurance"),
                    403, "Client.OperationNotCovered");
            refused(Http.post(node.restBaseUrl() + PERSON + someFatherOfThree().getNationalId(), MOH, "application/json",
                    "{}".getBytes(StandardCharsets.UTF_8)).header("Takamul-Purpose", "health-insurance"),
                    403, "Client.OperationNotCovered");
        }

        @Test
        void aMissingOrUnlistedPurposeIsRefused() throws Exception {
            String id = someFatherOfThree().getNationalId();
            refused(get(PERSON + id, MOH, null), 403, "Client.PurposeRequired");
            refused(get(PERSON + id, MOH, "marketing"), 403, "Client.PurposeNotAllowed");
            refused(get(FAMILY + id, MOF, "health-insurance"), 403, "Client.PurposeNotAllowed");
        }

        @Test
        void overTheRateLimitIs429WithRetryAfter() throws Exception {
            for (int i = 0; i < 3; i++) {
                assertThat(Http.send(get(ECHO + "paced", TEST, null)).statusCode()).isEqualTo(200);
            }
            HttpResponse<byte[]> limited = refused(get(ECHO + "paced", TEST, null), 429, "Client.RateLimited");
            // 3 per hour refills one request every 20 minutes.
            long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1100L, 1200L);
        }

        @Test
        void aUsedUpQuotaIs429UntilThePeriodEnds() throws Exception {
            for (int i = 0; i < 2; i++) {
                assertThat(Http.send(get(ECHO + "quota", MOL, null)).statusCode()).isEqualTo(200);
            }
            HttpResponse<byte[]> limited = refused(get(ECHO + "quota", MOL, null), 429, "Client.QuotaExceeded");
            long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(86_000L, 86_400L);
        }
    }

    @Nested
    class Soap {
        @Test
        void theAnswerIsReducedToTheAgreedElementsArabicIntact() throws Exception {
            Person person = someFatherOfThree();
            HttpResponse<byte[]> response = Http.send(Http.soap(node.soapAddress(), SoapEnvelopes.request(MOL,
                    "PS/GOV/MOI/civil-registry/PersonByNationalId", "v1", "mol-agreement-1",
                    SoapEnvelopes.personById(person.getNationalId()))));
            String xml = Http.text(response);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(xml).contains("<firstNameAr>" + person.getFirstNameAr() + "</firstNameAr>")
                    .contains("<familyNameAr>" + person.getFamilyNameAr() + "</familyNameAr>")
                    .doesNotContain("<fatherNameAr>").doesNotContain("<birthPlaceAr>").doesNotContain("<spouseId>")
                    .doesNotContain(person.getBirthPlaceAr());
        }

        @Test
        void noAgreementIsAFault() throws Exception {
            assertThat(soapFault(MOH, "PS/GOV/MOI/civil-registry/PersonByNationalId", "moh-soap-1",
                    SoapEnvelopes.personById(someFatherOfThree().getNationalId()), null))
                    .contains("<faultcode>soap:Client.NoAgreement</faultcode>");
        }

        @Test
        void aMissingPurposeIsAFault() throws Exception {
            assertThat(soapFault(MOL, "PS/GOV/MOI/civil-registry/PersonByNationalId", "mol-soap-2",
                    SoapEnvelopes.personById(someFatherOfThree().getNationalId()), null))
                    .contains("<faultcode>soap:Client.PurposeRequired</faultcode>");
        }

        @Test
        void anOperationOutsideTheAgreementIsAFault() throws Exception {
            assertThat(soapFault(MOL, "PS/GOV/MOI/civil-registry/PersonByNationalId", "mol-soap-3",
                    SoapEnvelopes.familyExtract(someFatherOfThree().getNationalId()), SoapEnvelopes.PURPOSE))
                    .contains("<faultcode>soap:Client.OperationNotCovered</faultcode>");
        }

        @Test
        void overTheRateLimitIsAFaultWithTheSameCode() throws Exception {
            String payload = SoapEnvelopes.personById(someFatherOfThree().getNationalId());
            HttpResponse<byte[]> first = Http.send(Http.soap(node.soapAddress(), SoapEnvelopes.request(TEST,
                    "PS/GOV/TEST/provider/SlowPersonByNationalId", "v1", "test-soap-1", payload)));
            assertThat(Http.text(first)).doesNotContain("Client.RateLimited");
            assertThat(soapFault(TEST, "PS/GOV/TEST/provider/SlowPersonByNationalId", "test-soap-2", payload,
                    SoapEnvelopes.PURPOSE)).contains("<faultcode>soap:Client.RateLimited</faultcode>");
        }
    }
}
