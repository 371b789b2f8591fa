package ps.takamul.node.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import ps.takamul.node.TakamulNode;
import ps.takamul.node.support.Http;
import ps.takamul.node.support.SoapEnvelopes;

/**
 * X-Road's metaservices on a real node, over real HTTP and SOAP: what a provider offers
 * (listMethods, public), what a client may call (allowedMethods, by the agreements in force),
 * contracts only under an agreement (getOpenAPI, getWsdl), and the instance's members
 * (listClients). Every refusal has its code; no metadata request reaches the broker.
 */
class MetadataServicesTest {
    static final String MOH = "PS/GOV/MOH/health-records";
    static final String MOL = "PS/GOV/MOL/labour-registry";
    static final String INTERIOR = "/PS/GOV/MOI/civil-registry/";
    static final String XRD = "http://x-road.eu/xsd/xroad.xsd";
    static final String ID = "http://x-road.eu/xsd/identifiers";
    static final String TKM = "http://takamul.ps/xsd/takamul.xsd";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static TakamulNode node;

    @BeforeAll
    static void start() throws Exception {
        node = MetadataNodes.start(dir, settings -> { });
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    static long enqueued() {
        return node.broker().messagesAdded("takamul.");
    }

    static HttpResponse<byte[]> get(String path, String client) throws Exception {
        return Http.send(Http.get(node.restBaseUrl() + path, client));
    }

    static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    static List<String> serviceCodes(JsonNode list) {
        List<String> codes = new ArrayList<>();
        list.path("service").forEach(s -> codes.add(s.path("service_code").asText()));
        return codes;
    }

    /** A refusal in problem+json with its code, and nothing enqueued. */
    static void refused(HttpResponse<byte[]> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("X-Road-Error")).hasValue(code);
        assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo(code);
    }

    @Nested
    class Rest {
        @Test
        void listMethodsListsEveryRestServiceOfTheProviderInXRoadsFormat() throws Exception {
            long before = enqueued();
            HttpResponse<byte[]> response = Http.send(Http.get(node.restBaseUrl() + INTERIOR + "listMethods", MOL)
                    .header("X-Road-Id", "meta-1"));
            JsonNode list = json(response);

            assertThat(serviceCodes(list)).containsExactly("family-extract", "person-by-id");
            JsonNode person = list.path("service").get(1);
            assertThat(person.path("xroad_instance").asText()).isEqualTo("PS");
            assertThat(person.path("member_class").asText()).isEqualTo("GOV");
            assertThat(person.path("member_code").asText()).isEqualTo("MOI");
            assertThat(person.path("subsystem_code").asText()).isEqualTo("civil-registry");
            assertThat(person.path("service_version").asText()).isEqualTo("v1");
            assertThat(person.path("object_type").asText()).isEqualTo("SERVICE");
            assertThat(person.path("service_type").asText()).as("it publishes an OpenAPI document").isEqualTo("OPENAPI");
            assertThat(response.headers().firstValue("X-Road-Id")).hasValue("meta-1");
            assertThat(response.headers().firstValue("X-Road-Client")).hasValue(MOL);
            assertThat(response.headers().firstValue("X-Road-Service")).hasValue("PS/GOV/MOI/civil-registry/listMethods");
            assertThat(enqueued()).as("metadata never reaches the broker").isEqualTo(before);
        }

        @Test
        void allowedMethodsForHealthListsPersonByIdAndFamilyExtractWithTheirEndpoints() throws Exception {
            JsonNode list = json(get(INTERIOR + "allowedMethods", MOH));

            assertThat(serviceCodes(list)).containsExactly("family-extract", "person-by-id");
            JsonNode endpoint = list.path("service").get(1).path("endpoint_list").get(0);
            assertThat(endpoint.path("method").asText()).isEqualTo("GET");
            assertThat(endpoint.path("path").asText()).isEqualTo("/*");
        }

        @Test
        void allowedMethodsForLabourOverRestListsNoneOfTheInteriorsRestServices() throws Exception {
            JsonNode list = json(get(INTERIOR + "allowedMethods", MOL));

            assertThat(list.path("service").isArray()).isTrue();
            assertThat(list.path("service")).isEmpty();
        }

        @Test
        void getOpenApiIsRefusedWithoutAnAgreement() throws Exception {
            long before = enqueued();
            refused(get(INTERIOR + "getOpenAPI?serviceCode=person-by-id", MOL), 403, "Client.NoAgreement");
            assertThat(enqueued()).isEqualTo(before);
        }

        @Test
        void getOpenApiServesTheContractUnderAnAgreement() throws Exception {
            HttpResponse<byte[]> response = get(INTERIOR + "getOpenAPI?serviceCode=person-by-id", MOH);

            assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/yaml"));
            assertThat(Http.text(response)).contains("openapi: 3.").contains("بيانات شخص");
            assertThat(response.headers().firstValue("X-Road-Service")).hasValue("PS/GOV/MOI/civil-registry/getOpenAPI");
        }

        @Test
        void unknownServiceOrProviderIsUnknownService() throws Exception {
            refused(get(INTERIOR + "getOpenAPI?serviceCode=no-such-service", MOH), 404, "Client.UnknownService");
            refused(get("/PS/GOV/MOI/no-such-subsystem/listMethods", MOH), 404, "Client.UnknownService");
        }

        @Test
        void aRestContractIsNotAskedOverSoapNorTheOtherWayRound() throws Exception {
            refused(get(INTERIOR + "getOpenAPI?serviceCode=PersonByNationalId", MOL), 400, "Client.ProtocolMismatch");
        }

        @Test
        void getOpenApiNeedsTheServiceCode() throws Exception {
            refused(get(INTERIOR + "getOpenAPI", MOH), 400, "Client.InvalidRequest");
        }

        @Test
        void unknownClientIsRefused() throws Exception {
            refused(get(INTERIOR + "listMethods", "PS/GOV/NOBODY/system"), 403, "Client.UnknownClient");
            refused(get(INTERIOR + "allowedMethods", "PS/GOV/MOH/no-such-system"), 403, "Client.UnknownClient");
        }

        @Test
        void theClientMustBeNamed() throws Exception {
            refused(get(INTERIOR + "listMethods", null), 400, "Client.MissingHeader");
        }

        @Test
        void onlyGetIsAnswered() throws Exception {
            refused(Http.send(Http.post(node.restBaseUrl() + INTERIOR + "listMethods", MOH, "application/json",
                    "{}".getBytes(StandardCharsets.UTF_8))), 405, "Client.MethodNotAllowed");
        }

        @Test
        void ordinaryServicesStillReachTheIngress() throws Exception {
            // A service path below the same provider is not a metaservice: the ingress refuses it as usual.
            refused(get(INTERIOR + "no-such-service/v1", MOH), 404, "Client.UnknownService");
        }
    }

    @Nested
    class ListClients {
        @Test
        void jsonListsTheShippedMembersAndSubsystemsWithArabicNamesIntact() throws Exception {
            HttpResponse<byte[]> response = Http.send(HttpRequest.newBuilder(URI.create(root() + "/listClients"))
                    .header("Accept", "application/json"));
            JsonNode members = json(response).path("member");

            JsonNode interior = entry(members, "MOI", null);
            assertThat(interior.path("name").asText()).isEqualTo("وزارة الداخلية");
            assertThat(interior.path("id").path("object_type").asText()).isEqualTo("MEMBER");
            assertThat(interior.path("id").path("xroad_instance").asText()).isEqualTo("PS");
            JsonNode registry = entry(members, "MOI", "civil-registry");
            assertThat(registry.path("id").path("object_type").asText()).isEqualTo("SUBSYSTEM");
            assertThat(registry.path("name").asText()).isEqualTo("وزارة الداخلية");
            assertThat(registry.path("subsystem_name").asText()).isEqualTo("السجل المدني");
            assertThat(entry(members, "MOH", "health-records").path("name").asText()).isEqualTo("وزارة الصحة");
            assertThat(entry(members, "MOL", "labour-registry").path("name").asText()).isEqualTo("وزارة العمل");
            assertThat(entry(members, "MOF", "e-payments").path("name").asText()).isEqualTo("وزارة المالية");
            // Byte for byte: the UTF-8 of the Arabic name is in the raw answer.
            assertThat(Http.text(response)).contains("وزارة الداخلية");
        }

        @Test
        void englishNamesOnRequest() throws Exception {
            JsonNode members = json(Http.send(HttpRequest.newBuilder(URI.create(root() + "/listClients?lang=en"))
                    .header("Accept", "application/json")));
            assertThat(entry(members.path("member"), "MOI", null).path("name").asText()).isEqualTo("Ministry of Interior");
        }

        @Test
        void xmlByDefaultInXRoadsClientList() throws Exception {
            HttpResponse<byte[]> response = Http.send(HttpRequest.newBuilder(URI.create(root() + "/listClients")));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/xml"));
            Element list = parse(response.body()).getDocumentElement();
            assertThat(list.getNamespaceURI()).isEqualTo(XRD);
            assertThat(list.getLocalName()).isEqualTo("clientList");

            Element interior = null;
            NodeList members = list.getElementsByTagNameNS(XRD, "member");
            for (int i = 0; i < members.getLength(); i++) {
                Element member = (Element) members.item(i);
                Element id = child(member, XRD, "id");
                if (text(id, ID, "memberCode").equals("MOI") && child(id, ID, "subsystemCode") == null) {
                    interior = member;
                }
            }
            assertThat(interior).isNotNull();
            assertThat(child(interior, XRD, "id").getAttributeNS(ID, "objectType")).isEqualTo("MEMBER");
            assertThat(text(interior, XRD, "name")).isEqualTo("وزارة الداخلية");
        }

        private JsonNode entry(JsonNode members, String memberCode, String subsystemCode) {
            for (JsonNode m : members) {
                JsonNode id = m.path("id");
                if (id.path("member_code").asText().equals(memberCode)
                        && (subsystemCode == null ? id.path("subsystem_code").isMissingNode()
                        : id.path("subsystem_code").asText().equals(subsystemCode))) {
                    return m;
                }
            }
            throw new AssertionError("no client " + memberCode + "/" + subsystemCode + " in " + members);
        }

        private String root() {
            return MetadataNodes.root(node.restBaseUrl());
        }
    }

    @Nested
    class Soap {
        @Test
        void listMethodsListsEverySoapServiceOfTheProvider() throws Exception {
            long before = enqueued();
            Document answer = soap(MOH, "listMethods", "<xrd:listMethods/>", 200);

            Element response = body(answer, "listMethodsResponse");
            assertThat(serviceCodes(response)).containsExactly("FamilyExtract", "PersonByNationalId");
            Element first = child(response, XRD, "service");
            assertThat(first.getAttributeNS(ID, "objectType")).isEqualTo("SERVICE");
            assertThat(text(first, ID, "xRoadInstance")).isEqualTo("PS");
            assertThat(text(first, ID, "memberClass")).isEqualTo("GOV");
            assertThat(text(first, ID, "memberCode")).isEqualTo("MOI");
            assertThat(text(first, ID, "subsystemCode")).isEqualTo("civil-registry");
            assertThat(text(first, ID, "serviceVersion")).isEqualTo("v1");
            // The request's X-Road headers come back, as on any answer.
            assertThat(answer.getElementsByTagNameNS(XRD, "id").item(0).getTextContent()).isEqualTo("soap-meta-listMethods");
            assertThat(enqueued()).as("metadata never reaches the broker").isEqualTo(before);
        }

        @Test
        void allowedMethodsFollowTheAgreements() throws Exception {
            assertThat(serviceCodes(body(soap(MOL, "allowedMethods", "<xrd:allowedMethods/>", 200), "allowedMethodsResponse")))
                    .containsExactly("FamilyExtract", "PersonByNationalId");
            assertThat(serviceCodes(body(soap(MOH, "allowedMethods", "<xrd:allowedMethods/>", 200), "allowedMethodsResponse")))
                    .as("the Ministry of Health has no agreement for the SOAP services").isEmpty();
        }

        @Test
        void getWsdlServesTheWsdlUnderAnAgreementWithTheNodesAddress() throws Exception {
            Element response = body(soap(MOL, "getWsdl", getWsdl("PersonByNationalId", "v1"), 200), "getWsdlResponse");

            assertThat(text(response, XRD, "serviceCode")).isEqualTo("PersonByNationalId");
            assertThat(text(response, XRD, "serviceVersion")).isEqualTo("v1");
            byte[] wsdl = Base64.getDecoder().decode(text(response, TKM, "wsdl"));
            Element definitions = parse(wsdl).getDocumentElement();
            assertThat(definitions.getLocalName()).isEqualTo("definitions");
            NodeList addresses = definitions.getElementsByTagNameNS("http://schemas.xmlsoap.org/wsdl/soap/", "address");
            assertThat(addresses.getLength()).isPositive();
            for (int i = 0; i < addresses.getLength(); i++) {
                assertThat(((Element) addresses.item(i)).getAttribute("location")).isEqualTo(node.soapAddress());
            }
        }

        @Test
        void getWsdlIsRefusedWithoutAnAgreement() throws Exception {
            assertThat(faultCode(soap(MOH, "getWsdl", getWsdl("PersonByNationalId", "v1"), 500))).isEqualTo("Client.NoAgreement");
        }

        @Test
        void unknownServiceUnknownProviderAndUnknownClientHaveTheirCodes() throws Exception {
            assertThat(faultCode(soap(MOL, "getWsdl", getWsdl("NoSuchService", null), 500))).isEqualTo("Client.UnknownService");
            assertThat(faultCode(soap(MOL, "PS/GOV/MOI/no-such-subsystem/listMethods", "<xrd:listMethods/>", 500)))
                    .isEqualTo("Client.UnknownService");
            assertThat(faultCode(soap("PS/GOV/NOBODY/system", "listMethods", "<xrd:listMethods/>", 500)))
                    .isEqualTo("Client.UnknownClient");
        }

        @Test
        void getWsdlNeedsItsBody() throws Exception {
            assertThat(faultCode(soap(MOL, "getWsdl", "<xrd:listMethods/>", 500))).isEqualTo("Client.InvalidBody");
        }

        private String getWsdl(String code, String version) {
            return "<xrd:getWsdl><xrd:serviceCode>" + code + "</xrd:serviceCode>"
                    + (version == null ? "" : "<xrd:serviceVersion>" + version + "</xrd:serviceVersion>") + "</xrd:getWsdl>";
        }

        /** Calls a metaservice of the Interior's civil registry, or of the provider named in full. */
        private Document soap(String client, String metaservice, String body, int status) throws Exception {
            String service = metaservice.contains("/") ? metaservice : "PS/GOV/MOI/civil-registry/" + metaservice;
            String code = service.substring(service.lastIndexOf('/') + 1);
            HttpResponse<byte[]> response = Http.send(Http.soap(node.soapAddress(),
                    SoapEnvelopes.request(client, service, null, "soap-meta-" + code, body)));
            assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(status);
            return parse(response.body());
        }

        private Element body(Document envelope, String name) {
            Element element = (Element) envelope.getElementsByTagNameNS(XRD, name).item(0);
            assertThat(element).as("xrd:" + name).isNotNull();
            return element;
        }

        private List<String> serviceCodes(Element list) {
            List<String> codes = new ArrayList<>();
            NodeList services = list.getElementsByTagNameNS(XRD, "service");
            for (int i = 0; i < services.getLength(); i++) {
                codes.add(text((Element) services.item(i), ID, "serviceCode"));
            }
            return codes;
        }

        private String faultCode(Document envelope) {
            return envelope.getElementsByTagNameNS(TKM, "code").item(0).getTextContent();
        }
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        return dbf.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static Element child(Element parent, String ns, String name) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static String text(Element parent, String ns, String name) {
        Element e = child(parent, ns, name);
        return e == null ? null : e.getTextContent().strip();
    }
}
