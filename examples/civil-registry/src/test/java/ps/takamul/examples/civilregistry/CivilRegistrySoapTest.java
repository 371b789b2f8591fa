package ps.takamul.examples.civilregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The registry as the bus sees it: raw SOAP 1.1 envelopes over a real socket. */
class CivilRegistrySoapTest {

    private static final String NS = CivilRegistry.NAMESPACE;
    private static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final List<String> PERSON_ELEMENTS = List.of(
        "nationalId", "firstNameAr", "firstNameEn", "fatherNameAr", "fatherNameEn", "grandfatherNameAr",
        "grandfatherNameEn", "familyNameAr", "familyNameEn", "gender", "birthDate", "birthPlaceAr", "birthPlaceEn",
        "maritalStatus", "fatherId", "motherId", "spouseId");

    private static Population population;
    private static CivilRegistryServer server;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        population = PopulationGenerator.generate();
        server = CivilRegistryServer.start("127.0.0.1", CivilRegistryServer.freePort(), population);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void personByNationalIdAnswersWithThePersonInOrderAndInArabic() throws Exception {
        Person child = firstChild();
        HttpResponse<byte[]> response = call(server, CivilRegistry.PERSON_BY_NATIONAL_ID_ACTION,
            "PersonByNationalIdRequest", child.getNationalId());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
            .startsWith("text/xml").containsIgnoringCase("charset=UTF-8");
        Element answer = bodyElement(response);
        assertThat(answer.getNamespaceURI()).isEqualTo(NS);
        assertThat(answer.getLocalName()).isEqualTo("PersonByNationalIdResponse");
        List<Element> persons = children(answer);
        assertThat(persons).extracting(Element::getLocalName).containsExactly("person");
        Element person = persons.get(0);
        assertThat(children(person)).extracting(Element::getNamespaceURI).containsOnly(NS);
        // A child has parents and no spouse: spouseId is left out, not sent empty.
        assertThat(children(person)).extracting(Element::getLocalName)
            .containsExactlyElementsOf(PERSON_ELEMENTS.subList(0, PERSON_ELEMENTS.size() - 1));
        assertThat(text(person, "nationalId")).isEqualTo(child.getNationalId());
        assertThat(text(person, "firstNameAr")).isEqualTo(child.getFirstNameAr());
        assertThat(text(person, "familyNameEn")).isEqualTo(child.getFamilyNameEn());
        assertThat(text(person, "gender")).isEqualTo(child.getGender().name());
        assertThat(text(person, "birthDate")).isEqualTo(child.getBirthDate());
        assertThat(text(person, "maritalStatus")).isEqualTo("SINGLE");
        assertThat(text(person, "fatherId")).isEqualTo(child.getFatherId());
        // The Arabic goes over the wire as UTF-8 bytes, not as character references or '?'.
        String raw = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(raw).contains(child.getFirstNameAr(), child.getFamilyNameAr(), child.getBirthPlaceAr())
            .doesNotContain("&#");
        assertThat(indexOf(response.body(), child.getFamilyNameAr().getBytes(StandardCharsets.UTF_8))).isNotNegative();
    }

    @Test
    void personWithoutParentsOnTheRegistryHasNoParentIds() throws Exception {
        Person wife = population.persons().stream()
            .filter(p -> p.getGender() == Gender.F && p.getSpouseId() != null).findFirst().orElseThrow();
        Element person = children(bodyElement(call(server, CivilRegistry.PERSON_BY_NATIONAL_ID_ACTION,
            "PersonByNationalIdRequest", wife.getNationalId()))).get(0);

        assertThat(children(person)).extracting(Element::getLocalName).endsWith("maritalStatus", "spouseId")
            .doesNotContain("fatherId", "motherId");
        assertThat(text(person, "spouseId")).isEqualTo(wife.getSpouseId());
    }

    @Test
    void familyExtractListsTheHeadThenSpouseAndChildren() throws Exception {
        Person child = firstChild();
        Family family = population.familyOf(child.getNationalId()).orElseThrow();
        HttpResponse<byte[]> response = call(server, CivilRegistry.FAMILY_EXTRACT_ACTION,
            "FamilyExtractRequest", child.getNationalId());

        assertThat(response.statusCode()).isEqualTo(200);
        Element answer = bodyElement(response);
        assertThat(answer.getNamespaceURI()).isEqualTo(NS);
        assertThat(answer.getLocalName()).isEqualTo("FamilyExtractResponse");
        List<Element> parts = children(answer);
        assertThat(parts.get(0).getLocalName()).isEqualTo("headOfFamily");
        assertThat(text(parts.get(0), "nationalId")).isEqualTo(child.getFatherId());
        List<Element> members = parts.subList(1, parts.size());
        assertThat(members).hasSize(family.members().size()).extracting(Element::getLocalName).containsOnly("member");
        assertThat(children(members.get(0))).extracting(Element::getLocalName).containsExactly("relation", "person");
        List<String> relations = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Element member : members) {
            relations.add(text(member, "relation"));
            ids.add(text(children(member).get(1), "nationalId"));
        }
        assertThat(relations.get(0)).isEqualTo("SPOUSE");
        assertThat(relations.subList(1, relations.size())).isNotEmpty().allMatch(r -> r.matches("SON|DAUGHTER"));
        assertThat(ids).startsWith(child.getMotherId()).contains(child.getNationalId());
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains(child.getFirstNameAr());
    }

    @Test
    void emptySoapActionIsDispatchedOnTheBodyElement() throws Exception {
        Person child = firstChild();
        HttpResponse<byte[]> response = call(server, "", "FamilyExtractRequest", child.getNationalId());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(bodyElement(response).getLocalName()).isEqualTo("FamilyExtractResponse");
    }

    @Test
    void unknownPersonIsAFault() throws Exception {
        // No generated id starts with 1, so this valid id is certainly not on the registry.
        String unknown = NationalId.withCheckDigit("10000000");
        HttpResponse<byte[]> response = call(server, CivilRegistry.PERSON_BY_NATIONAL_ID_ACTION,
            "PersonByNationalIdRequest", unknown);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(faultString(response)).startsWith("PERSON_NOT_FOUND").contains(unknown);
        assertThat(faultString(call(server, CivilRegistry.FAMILY_EXTRACT_ACTION, "FamilyExtractRequest", unknown)))
            .startsWith("PERSON_NOT_FOUND: ");
    }

    @Test
    void badCheckDigitOrMalformedIdIsAFault() throws Exception {
        String valid = firstChild().getNationalId();
        char last = valid.charAt(8);
        String wrongCheckDigit = valid.substring(0, 8) + (char) (last == '9' ? '0' : last + 1);

        HttpResponse<byte[]> response = call(server, CivilRegistry.PERSON_BY_NATIONAL_ID_ACTION,
            "PersonByNationalIdRequest", wrongCheckDigit);
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(faultString(response)).startsWith("INVALID_NATIONAL_ID: ");
        assertThat(faultString(call(server, CivilRegistry.FAMILY_EXTRACT_ACTION, "FamilyExtractRequest", "12AB")))
            .startsWith("INVALID_NATIONAL_ID: ");
        assertThat(faultString(call(server, CivilRegistry.PERSON_BY_NATIONAL_ID_ACTION,
            "PersonByNationalIdRequest", ""))).startsWith("INVALID_NATIONAL_ID: ");
    }

    @Test
    void wsdlNamesTheServicePortAndActions() throws Exception {
        HttpResponse<String> wsdl = http.send(HttpRequest.newBuilder(URI.create(server.address() + "?wsdl")).build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body())
            .contains("name=\"CivilRegistryService\"", "name=\"CivilRegistryPort\"", "portType name=\"CivilRegistry\"")
            .contains("soapAction=\"" + CivilRegistry.PERSON_BY_NATIONAL_ID_ACTION + "\"")
            .contains("soapAction=\"" + CivilRegistry.FAMILY_EXTRACT_ACTION + "\"")
            .contains("http://schemas.xmlsoap.org/wsdl/soap/");
    }

    @Test
    void delaySlowsEveryAnswer() throws Exception {
        String id = firstChild().getNationalId();
        CivilRegistryServer slow = CivilRegistryServer.start("127.0.0.1", CivilRegistryServer.freePort(), population);
        try {
            slow.setDelayMillis(1_000);
            HttpRequest impatient = request(slow, CivilRegistry.PERSON_BY_NATIONAL_ID_ACTION,
                envelope("PersonByNationalIdRequest", id)).timeout(Duration.ofMillis(200)).build();
            assertThatThrownBy(() -> http.send(impatient, HttpResponse.BodyHandlers.ofByteArray()))
                .isInstanceOf(HttpTimeoutException.class);

            slow.setDelayMillis(300);
            long started = System.nanoTime();
            HttpResponse<byte[]> response = call(slow, CivilRegistry.PERSON_BY_NATIONAL_ID_ACTION,
                "PersonByNationalIdRequest", id);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        } finally {
            slow.stop();
        }
    }

    @Test
    void stopFreesThePortForTheNextServer() throws Exception {
        int port = CivilRegistryServer.freePort();
        String id = firstChild().getNationalId();
        CivilRegistryServer first = CivilRegistryServer.start("127.0.0.1", port, population);
        assertThat(call(first, CivilRegistry.PERSON_BY_NATIONAL_ID_ACTION, "PersonByNationalIdRequest", id)
            .statusCode()).isEqualTo(200);
        first.stop();

        try (ServerSocket rebound = new ServerSocket(port)) {
            assertThat(rebound.getLocalPort()).isEqualTo(port);
        }
        try (CivilRegistryServer second = CivilRegistryServer.start("127.0.0.1", port, population)) {
            assertThat(second.address()).isEqualTo("http://127.0.0.1:" + port + "/civil-registry");
            assertThat(call(second, CivilRegistry.PERSON_BY_NATIONAL_ID_ACTION, "PersonByNationalIdRequest", id)
                .statusCode()).isEqualTo(200);
        }
    }

    static String envelope(String requestElement, String nationalId) {
        return """
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" \
            xmlns:cr="http://takamul.ps/examples/civil-registry/v1">
              <soapenv:Header/>
              <soapenv:Body>
                <cr:%s>
                  <cr:nationalId>%s</cr:nationalId>
                </cr:%s>
              </soapenv:Body>
            </soapenv:Envelope>
            """.formatted(requestElement, nationalId, requestElement);
    }

    private static HttpRequest.Builder request(CivilRegistryServer target, String action, String envelope) {
        return HttpRequest.newBuilder(URI.create(target.address()))
            .header("Content-Type", "text/xml; charset=UTF-8")
            .header("SOAPAction", "\"" + action + "\"")
            .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
    }

    private static HttpResponse<byte[]> call(CivilRegistryServer target, String action, String requestElement,
                                             String nationalId) throws Exception {
        HttpRequest request = request(target, action, envelope(requestElement, nationalId))
            .timeout(Duration.ofSeconds(30)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private Person firstChild() {
        return population.persons().stream().filter(p -> p.getFatherId() != null).findFirst().orElseThrow();
    }

    private static Element bodyElement(HttpResponse<byte[]> response) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
        Element envelope = document.getDocumentElement();
        assertThat(envelope.getNamespaceURI()).isEqualTo(SOAP_NS);
        assertThat(envelope.getLocalName()).isEqualTo("Envelope");
        Element body = (Element) envelope.getElementsByTagNameNS(SOAP_NS, "Body").item(0);
        return children(body).get(0);
    }

    private static String faultString(HttpResponse<byte[]> response) throws Exception {
        Element fault = bodyElement(response);
        assertThat(fault.getNamespaceURI()).isEqualTo(SOAP_NS);
        assertThat(fault.getLocalName()).isEqualTo("Fault");
        // SOAP 1.1 leaves faultcode and faultstring unqualified.
        return fault.getElementsByTagNameNS("", "faultstring").item(0).getTextContent();
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static String text(Element parent, String localName) {
        return children(parent).stream()
            .filter(e -> e.getLocalName().equals(localName) && NS.equals(e.getNamespaceURI()))
            .findFirst().orElseThrow(() -> new AssertionError("no " + localName + " in " + parent.getLocalName()))
            .getTextContent();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
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
