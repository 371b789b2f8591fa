package ps.takamul.routes.soap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static ps.takamul.routes.soap.security.TestPki.MOH;
import static ps.takamul.routes.soap.security.TestPki.MOI;
import static ps.takamul.routes.soap.security.TestPki.MOL;
import static ps.takamul.routes.soap.security.WssTestNode.bytes;
import static ps.takamul.routes.soap.security.WssTestNode.envelope;
import static ps.takamul.routes.soap.security.WssTestNode.parse;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.protocol.XRoadHeaders;
import ps.takamul.security.pki.MemberBinding;

/**
 * WS-Security on the SOAP ingress, end to end over a real CXF endpoint: requests signed (or not,
 * or tampered with) by keys from a PKI made at run time, the node's refusals with their codes,
 * nothing reaching the provider side on a refusal, and signed answers checked with WSS4J.
 */
class WssSoapIngressTest {
    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String MOH_CLIENT = "PS/GOV/MOH/health-records";

    @TempDir
    static Path dir;
    private static TestPki pki;
    private static TestTrust trust;
    private static WssTestNode node;

    @BeforeAll
    static void start() throws Exception {
        pki = new TestPki(dir, MOH, MOI, MOL);
        // The node hosts MOI (it signs MOI's answers) and signs for MOH's legacy system.
        trust = new TestTrust(pki.root(), List.of(pki.issuing()), Map.of(MOI, pki.key(MOI), MOH, pki.key(MOH)), Duration.ofMinutes(2),
                Set.of(ClientId.parse("PS/GOV/MOH/legacy-records")));
        node = new WssTestNode(dir, trust);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @BeforeEach
    void clear() {
        node.received.clear();
    }

    private static String newId() {
        return "moh-" + UUID.randomUUID();
    }

    private static Document unsigned(String client, String id) throws Exception {
        return parse(envelope(client, id, "<cr:nationalId>987526233</cr:nationalId>"));
    }

    private static Document signedBy(ps.takamul.core.identifier.MemberId member, Document doc) {
        return new SoapSigner(pki.key(member)).sign(doc);
    }

    private static Document refused(HttpResponse<byte[]> response, String code) throws Exception {
        Document answer = parse(response.body());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(500);
        assertThat(WssResponses.faultCode(answer)).isEqualTo(code);
        assertThat(WssResponses.detailCode(answer)).isEqualTo(code);
        assertThat(node.received).as("nothing may reach the provider side").isEmpty();
        return answer;
    }

    private static Element header(Document doc, String local) {
        return (Element) doc.getElementsByTagNameNS(XRoadHeaders.XROAD_NS, local).item(0);
    }

    @Test
    void signedRequestIsAnsweredWithAResponseSignedByTheProvidersMember() throws Exception {
        String id = newId();
        HttpResponse<byte[]> response = node.post(bytes(signedBy(MOH, unsigned(MOH_CLIENT, id))));

        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(node.received).hasSize(1);
        WssTestNode.Received received = node.received.peek();
        assertThat(received.client()).isEqualTo(MOH_CLIENT);
        assertThat(received.evidence()).isInstanceOf(byte[].class);
        String evidence = new String((byte[]) received.evidence(), StandardCharsets.UTF_8);
        assertThat(evidence).contains("SignatureValue").contains(id).contains("BinarySecurityToken");
        assertThat(received.signedByNode()).isEqualTo(false);
        assertThat(trust.calls).contains("checkSigner " + MOH, "spendMessageId " + MOH_CLIENT + " " + id);

        Document answer = parse(response.body());
        WssResponses.Verified verified = WssResponses.verify(answer, pki.root(), pki.issuing());
        assertThat(MemberBinding.memberOf(verified.signer())).isEqualTo(MOI);
        assertThat(verified.signatureMethod()).isEqualTo(WsSecurity.ECDSA_SHA256);
        assertThat(verified.covers(SOAP, "Body")).isTrue();
        assertThat(verified.covers(WsSecurity.WSU_NS, "Timestamp")).isTrue();
        for (String h : List.of("client", "service", "id", "userId", "protocolVersion")) {
            assertThat(verified.covers(XRoadHeaders.XROAD_NS, h)).as("xrd:" + h + " signed").isTrue();
        }
        // Only the node's own Security header: the client's is not relayed back.
        assertThat(answer.getElementsByTagNameNS(WsSecurity.WSSE_NS, "Security").getLength()).isEqualTo(1);
        assertThat(answer.getElementsByTagNameNS(WsSecurity.WSSE_NS, "BinarySecurityToken").getLength()).isEqualTo(1);
    }

    @Test
    void unsignedRequestIsRefusedAndTheFaultIsSigned() throws Exception {
        Document answer = refused(node.post(bytes(unsigned(MOH_CLIENT, newId()))), "Client.SignatureRequired");
        WssResponses.Verified verified = WssResponses.verify(answer, pki.root(), pki.issuing());
        assertThat(MemberBinding.memberOf(verified.signer())).isEqualTo(MOI);
        assertThat(verified.covers(SOAP, "Body")).isTrue();
    }

    @Test
    void bodyChangedAfterSigningIsRefused() throws Exception {
        Document doc = signedBy(MOH, unsigned(MOH_CLIENT, newId()));
        doc.getElementsByTagNameNS("http://takamul.ps/examples/civil-registry/v1", "nationalId").item(0)
                .setTextContent("111111111");
        refused(node.post(bytes(doc)), "Client.SignatureInvalid");
    }

    @Test
    void clientHeaderChangedAfterSigningIsRefused() throws Exception {
        Document doc = signedBy(MOH, unsigned(MOH_CLIENT, newId()));
        header(doc, "client").getElementsByTagNameNS(XRoadHeaders.IDENTIFIERS_NS, "subsystemCode").item(0)
                .setTextContent("legacy-records");
        refused(node.post(bytes(doc)), "Client.SignatureInvalid");
    }

    @Test
    void headersLeftOutOfTheSignatureAreRefused() throws Exception {
        Document doc = new SoapSigner(pki.key(MOH)).sign(unsigned(MOH_CLIENT, newId()), List.of());
        Document answer = refused(node.post(bytes(doc)), "Client.SignatureInvalid");
        assertThat(WssResponses.faultString(answer)).contains("does not cover xrd:client");
    }

    @Test
    void anotherMembersSignatureIsRefused() throws Exception {
        Document doc = signedBy(MOL, unsigned(MOH_CLIENT, newId()));
        Document answer = refused(node.post(bytes(doc)), "Client.SignerMismatch");
        assertThat(WssResponses.faultString(answer)).contains("PS/GOV/MOL");
    }

    @Test
    void replayedMessageIdIsRefused() throws Exception {
        byte[] request = bytes(signedBy(MOH, unsigned(MOH_CLIENT, newId())));
        assertThat(node.post(request).statusCode()).isEqualTo(200);
        node.received.clear();
        refused(node.post(request), "Client.MessageReplayed");
    }

    @Test
    void expiredTimestampIsRefused() throws Exception {
        Clock tenMinutesAgo = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));
        Document doc = new SoapSigner(pki.key(MOH), Duration.ofMinutes(1), tenMinutesAgo).sign(unsigned(MOH_CLIENT, newId()));
        refused(node.post(bytes(doc)), "Client.MessageStale");
    }

    @Test
    void arabicContentSurvivesByteForByte() throws Exception {
        String arabic = "مُحَمَّد عبد الرحمن — إخراج قيد عائلي ١٢٣";
        Document doc = parse(envelope(MOH_CLIENT, newId(), "<cr:name>" + arabic + "</cr:name>"));
        HttpResponse<byte[]> response = node.post(bytes(signedBy(MOH, doc)));

        assertThat(response.statusCode()).isEqualTo(200);
        byte[] arabicUtf8 = arabic.getBytes(StandardCharsets.UTF_8);
        assertThat(indexOf(node.received.peek().payload(), arabicUtf8)).as("provider got the UTF-8 bytes").isGreaterThanOrEqualTo(0);
        assertThat(indexOf(response.body(), arabicUtf8)).as("client got the UTF-8 bytes back").isGreaterThanOrEqualTo(0);
        Document answer = parse(response.body());
        WssResponses.verify(answer, pki.root(), pki.issuing());
        assertThat(answer.getElementsByTagNameNS("http://takamul.ps/examples/civil-registry/v1", "name").item(0)
                .getTextContent()).isEqualTo(arabic);
    }

    @Test
    void nodeSignsOnlyForAClientItsTlsCertificateProves() throws Exception {
        // on the node's list, but over plain HTTP nothing proves who is calling: refused, unsigned
        String client = "PS/GOV/MOH/legacy-records";
        int before = node.received.size();
        HttpResponse<byte[]> response = node.post(bytes(unsigned(client, newId())));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("Client.CertificateRequired");
        assertThat(node.received).hasSize(before);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
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
