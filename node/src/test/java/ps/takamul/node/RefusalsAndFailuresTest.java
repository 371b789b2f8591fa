package ps.takamul.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.examples.civilregistry.CivilRegistryServer;
import ps.takamul.examples.civilregistry.Population;
import ps.takamul.examples.civilregistry.PopulationGenerator;
import ps.takamul.node.support.Http;
import ps.takamul.node.support.LogCapture;
import ps.takamul.node.support.SoapEnvelopes;
import ps.takamul.node.support.TestNodes;
import ps.takamul.node.support.TestProvider;

/**
 * Every way a request can be refused or fail, over both protocols: each gets its stable code in
 * the documented format, is logged with the message id, and a refused request never reaches
 * the broker.
 */
class RefusalsAndFailuresTest {
    static final String MOH = "PS/GOV/MOH/health-records";
    static final String MOL = "PS/GOV/MOL/labour-registry";
    static final String PERSON_BY_ID = "/PS/GOV/MOI/civil-registry/person-by-id/v1/";
    static final String ECHO = "/PS/GOV/TEST/provider/echo/v1";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Population population;
    static CivilRegistryServer registry;
    static CivilRegistryServer slowRegistry;
    static TestProvider provider;
    static TakamulNode node;
    static String someId;

    @BeforeAll
    static void start() throws Exception {
        population = PopulationGenerator.generate();
        someId = population.sampleIds(1).get(0);
        registry = CivilRegistryServer.start("127.0.0.1", CivilRegistryServer.freePort(), population);
        slowRegistry = CivilRegistryServer.start("127.0.0.1", CivilRegistryServer.freePort(), population);
        slowRegistry.setDelayMillis(5_000);
        provider = new TestProvider();
        node = TestNodes.start(TestNodes.settings(dir, TestNodes.catalogue(dir), provider.url(),
                registry.address(), slowRegistry.address()));
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
        registry.stop();
        slowRegistry.stop();
        provider.close();
    }

    static long enqueued() {
        return node.broker().messagesAdded("takamul.");
    }

    /** Sends a request that must be refused before the broker: checks status, code, log, queue. */
    static JsonNode refusedRest(HttpRequest.Builder request, int status, String code) throws Exception {
        long before = enqueued();
        try (LogCapture log = new LogCapture("takamul.exchange")) {
            HttpResponse<byte[]> response = Http.send(request.header("X-Road-Id", "req-" + code));
            assertThat(response.statusCode()).isEqualTo(status);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("X-Road-Error")).hasValue(code);
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("code").asText()).isEqualTo(code);
            assertThat(problem.path("status").asInt()).isEqualTo(status);
            assertThat(problem.path("type").asText()).endsWith(code);
            assertThat(problem.path("messageId").asText()).isEqualTo("req-" + code);
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("id=req-" + code).contains("error=" + code));
            assertThat(enqueued()).as("nothing enqueued for a refused request").isEqualTo(before);
            return problem;
        }
    }

    static String refusedSoap(String envelope, String code) throws Exception {
        long before = enqueued();
        HttpResponse<byte[]> response = Http.send(Http.soap(node.soapAddress(), envelope));
        String xml = Http.text(response);
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(xml).contains("<faultcode>soap:" + code + "</faultcode>")
                .contains("<tkm:code xmlns:tkm=\"http://takamul.ps/xsd/takamul.xsd\">" + code + "</tkm:code>");
        assertThat(enqueued()).as("nothing enqueued for a refused request").isEqualTo(before);
        return xml;
    }

    @Nested
    class Rest {
        @Test
        void missingClientHeader() throws Exception {
            refusedRest(Http.get(node.restBaseUrl() + PERSON_BY_ID + someId, null), 400, "Client.MissingHeader");
        }

        @Test
        void malformedClientId() throws Exception {
            JsonNode p = refusedRest(Http.get(node.restBaseUrl() + PERSON_BY_ID + someId, "PS/GOV"), 400,
                    "Client.InvalidIdentifier");
            assertThat(p.path("detail").asText()).contains("client id");
        }

        @Test
        void unknownClient() throws Exception {
            refusedRest(Http.get(node.restBaseUrl() + PERSON_BY_ID + someId, "PS/GOV/XYZ/app"), 403, "Client.UnknownClient");
        }

        @Test
        void malformedServicePath() throws Exception {
            refusedRest(Http.get(node.restBaseUrl() + "/PS/GOV/MOI/civil%20registry/person-by-id/v1/" + someId, MOH),
                    400, "Client.InvalidIdentifier");
            refusedRest(Http.get(node.restBaseUrl() + "/PS/GOV/MOI", MOH), 400, "Client.InvalidIdentifier");
        }

        @Test
        void unknownService() throws Exception {
            refusedRest(Http.get(node.restBaseUrl() + "/PS/GOV/MOI/civil-registry/no-such-service/v1/" + someId, MOH),
                    404, "Client.UnknownService");
            refusedRest(Http.get(node.restBaseUrl() + "/PS/GOV/MOI/civil-registry/person-by-id/v9/" + someId, MOH),
                    404, "Client.UnknownService");
        }

        @Test
        void forbiddenClient() throws Exception {
            refusedRest(Http.get(node.restBaseUrl() + PERSON_BY_ID + someId, MOL), 403, "Client.NoAgreement");
        }

        @Test
        void soapServiceCalledOverRest() throws Exception {
            refusedRest(Http.get(node.restBaseUrl() + "/PS/GOV/MOI/civil-registry/PersonByNationalId/v1", MOL),
                    400, "Client.ProtocolMismatch");
        }

        @Test
        void malformedJson() throws Exception {
            JsonNode p = refusedRest(Http.post(node.restBaseUrl() + ECHO, MOH, "application/json",
                    "{\"nationalId\": \"987526233\", ".getBytes(StandardCharsets.UTF_8)), 400, "Client.InvalidBody");
            assertThat(p.path("detail").asText()).doesNotContain("987526233");
        }

        @Test
        void xmlWithDoctype() throws Exception {
            String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
            JsonNode p = refusedRest(Http.post(node.restBaseUrl() + ECHO, MOH, "application/xml",
                    xxe.getBytes(StandardCharsets.UTF_8)), 400, "Client.ForbiddenXml");
            assertThat(p.toString()).doesNotContain("root:");
        }

        @Test
        void oversizedChunkedBody() throws Exception {
            byte[] big = new byte[70_000];
            java.util.Arrays.fill(big, (byte) 'a');
            long before = enqueued();
            // A stream of unknown length: sent chunked, with no Content-Length to refuse it by.
            HttpResponse<byte[]> response = Http.send(HttpRequest.newBuilder(URI.create(node.restBaseUrl() + ECHO))
                    .header("X-Road-Client", MOH).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))));
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("X-Road-Error")).hasValue("Client.BodyTooLarge");
            assertThat(enqueued()).isEqualTo(before);
        }

        @Test
        void oversizedBody() throws Exception {
            byte[] big = new byte[70_000];
            java.util.Arrays.fill(big, (byte) 'a');
            long before = enqueued();
            HttpResponse<byte[]> response = Http.send(Http.post(node.restBaseUrl() + ECHO, MOH, "text/plain", big));
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("X-Road-Error")).hasValue("Client.BodyTooLarge");
            assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("Client.BodyTooLarge");
            assertThat(enqueued()).isEqualTo(before);
        }

        @Test
        void notificationTakesPostOnly() throws Exception {
            refusedRest(Http.get(node.restBaseUrl() + "/PS/GOV/TEST/provider/payment-notification/v1", "PS/GOV/MOF/e-payments"),
                    405, "Client.MethodNotAllowed");
        }

        @Test
        void providerDown() throws Exception {
            HttpResponse<byte[]> response = Http.send(Http.get(node.restBaseUrl() + "/PS/GOV/TEST/provider/down/x", MOH));
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.headers().firstValue("X-Road-Error")).hasValue("Server.ProviderUnavailable");
            assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("Server.ProviderUnavailable");
        }

        @Test
        void providerTimeout() throws Exception {
            HttpResponse<byte[]> response = Http.send(Http.get(node.restBaseUrl() + "/PS/GOV/TEST/provider/slow/v1", MOH));
            assertThat(response.statusCode()).isEqualTo(504);
            assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("Server.ProviderTimeout");
        }

        @Test
        void unknownPathOutsideR1() throws Exception {
            HttpResponse<byte[]> response = Http.send(HttpRequest.newBuilder(
                    URI.create(node.restBaseUrl().replace("/r1", "/admin"))).GET());
            assertThat(response.statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class Soap {
        @Test
        void unknownService() throws Exception {
            refusedSoap(SoapEnvelopes.request(MOL, "PS/GOV/MOI/civil-registry/NoSuchOperation", "v1", "s-1",
                    SoapEnvelopes.personById(someId)), "Client.UnknownService");
        }

        @Test
        void unknownClient() throws Exception {
            refusedSoap(SoapEnvelopes.request("PS/GOV/XYZ/app", "PS/GOV/MOI/civil-registry/PersonByNationalId", "v1", "s-2",
                    SoapEnvelopes.personById(someId)), "Client.UnknownClient");
        }

        @Test
        void forbiddenClient() throws Exception {
            String xml = refusedSoap(SoapEnvelopes.request(MOH, "PS/GOV/MOI/civil-registry/PersonByNationalId", "v1", "s-3",
                    SoapEnvelopes.personById(someId)), "Client.NoAgreement");
            assertThat(xml).contains("s-3");
        }

        @Test
        void restServiceCalledOverSoap() throws Exception {
            refusedSoap(SoapEnvelopes.request(MOH, "PS/GOV/MOI/civil-registry/person-by-id", "v1", "s-4",
                    SoapEnvelopes.personById(someId)), "Client.ProtocolMismatch");
        }

        @Test
        void missingXRoadHeaders() throws Exception {
            String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                    + "<soapenv:Body><a/></soapenv:Body></soapenv:Envelope>";
            refusedSoap(envelope, "Client.MissingHeader");
        }

        @Test
        void malformedIdentifierInHeader() throws Exception {
            refusedSoap(SoapEnvelopes.request("PS/GOV/MO L/labour", "PS/GOV/MOI/civil-registry/PersonByNationalId", "v1",
                    "s-5", SoapEnvelopes.personById(someId)), "Client.InvalidIdentifier");
        }

        @Test
        void doctypeIsRefused() throws Exception {
            String envelope = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                    + "<soapenv:Body><a>&x;</a></soapenv:Body></soapenv:Envelope>";
            String xml = refusedSoap(envelope, "Client.ForbiddenXml");
            assertThat(xml).doesNotContain("root:");
        }

        @Test
        void malformedXml() throws Exception {
            refusedSoap("this is not XML", "Client.InvalidBody");
            String valid = SoapEnvelopes.request(MOL, "PS/GOV/MOI/civil-registry/PersonByNationalId", "v1", "s-8",
                    "<cr:PersonByNationalIdRequest><cr:nationalId>1</cr:nationalId>");
            refusedSoap(valid.substring(0, valid.indexOf("</soapenv:Body>")), "Client.InvalidBody");
        }

        @Test
        void oversizedBody() throws Exception {
            String padding = "<pad>" + "ب".repeat(40_000) + "</pad>";
            refusedSoap(SoapEnvelopes.request(MOL, "PS/GOV/MOI/civil-registry/PersonByNationalId", "v1", "s-6", padding),
                    "Client.BodyTooLarge");
        }

        @Test
        void faultsCarryNoHeadersOfTheRequestOrTheBroker() throws Exception {
            for (String service : new String[] {"PS/GOV/MOI/civil-registry/NoSuchOperation", "PS/GOV/TEST/provider/DownPersonByNationalId"}) {
                HttpResponse<byte[]> response = Http.send(Http.soap(node.soapAddress(), SoapEnvelopes.request(MOL,
                        service, "v1", "s-10", SoapEnvelopes.personById(someId)))
                        .header("Authorization", "Basic c2VjcmV0OnNlY3JldA==").header("X-Custom", "x"));
                assertThat(response.statusCode()).isEqualTo(500);
                assertThat(response.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("Authorization")
                        || h.equalsIgnoreCase("X-Custom") || h.toLowerCase().startsWith("jms")
                        || h.toLowerCase().startsWith("takamul") || h.toLowerCase().startsWith("camel")
                        || h.equalsIgnoreCase("Server"));
            }
        }

        @Test
        void soap12IsAClientError() throws Exception {
            refusedSoap("<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body><a/></env:Body></env:Envelope>",
                    "Client.InvalidBody");
        }

        @Test
        void providerDown() throws Exception {
            HttpResponse<byte[]> response = Http.send(Http.soap(node.soapAddress(), SoapEnvelopes.request(MOL,
                    "PS/GOV/TEST/provider/DownPersonByNationalId", "v1", "s-9", SoapEnvelopes.personById(someId))));
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(Http.text(response)).contains("<faultcode>soap:Server.ProviderUnavailable</faultcode>").contains("s-9");
        }

        @Test
        void providerTimeout() throws Exception {
            HttpResponse<byte[]> response = Http.send(Http.soap(node.soapAddress(), SoapEnvelopes.request(MOL,
                    "PS/GOV/TEST/provider/SlowPersonByNationalId", "v1", "s-7", SoapEnvelopes.personById(someId))));
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(Http.text(response)).contains("<faultcode>soap:Server.ProviderTimeout</faultcode>");
        }
    }
}
