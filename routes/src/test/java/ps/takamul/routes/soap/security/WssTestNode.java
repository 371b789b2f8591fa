package ps.takamul.routes.soap.security;

import ps.takamul.routes.trust.SignatureEvidence;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.w3c.dom.Document;
import ps.takamul.core.agreement.AgreementLoader;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.catalogue.CatalogueLoader;
import ps.takamul.core.protocol.MessageHeaders;
import ps.takamul.routes.exchange.IngressSettings;
import ps.takamul.routes.soap.SoapIngressRoute;
import ps.takamul.routes.trust.MessageTrust;

/**
 * The SOAP ingress route in a bare Camel context on a real CXF/Jetty endpoint, with the broker
 * step replaced by a direct route that stands in for the provider side: it records what it
 * receives and answers with the request's payload wrapped in an {@code Answer} element.
 */
final class WssTestNode implements AutoCloseable {
    static final String CATALOGUE = """
            members:
              - id: PS/GOV/MOI
                name: { ar: جهة اختبار, en: Test member }
                subsystems:
                  - code: civil-registry
                    name: { ar: نظام اختبار, en: Test subsystem }
                    services:
                      - code: PersonByNationalId
                        name: { ar: خدمة اختبار, en: Test service }
                        description: { ar: خدمة للاختبار, en: A service for the test }
                        version: v1
                        protocol: soap
                        connector: { type: http, url: "http://127.0.0.1:9/unused" }
              - id: PS/GOV/MOH
                name: { ar: جهة اختبار, en: Test member }
                subsystems:
                  - code: health-records
                    name: { ar: نظام اختبار, en: Test subsystem }
                  - code: legacy-records
                    name: { ar: نظام اختبار, en: Test subsystem }
              - id: PS/GOV/MOL
                name: { ar: جهة اختبار, en: Test member }
                subsystems:
                  - code: labour-registry
                    name: { ar: نظام اختبار, en: Test subsystem }
            """;

    static final String AGREEMENTS = """
            groups:
              callers: [PS/GOV/MOH/health-records, PS/GOV/MOH/legacy-records, PS/GOV/MOL/labour-registry]
            agreements:
              - id: WSS-TEST
                consumer: group:callers
                service: PS/GOV/MOI/civil-registry/PersonByNationalId/v1
                operations: ["SOAP PersonByNationalIdRequest"]
                validFrom: 2020-01-01T00:00:00Z
                approvedBy: test
                approvedAt: 2020-01-01T00:00:00Z
            """;

    /** What reached the provider side: the payload and the evidence the ingress kept. */
    record Received(byte[] payload, Object evidence, Object signedByNode, String client) {
    }

    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    final String url;
    private final CamelContext camel;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WssTestNode(Path dir, MessageTrust trust) throws Exception {
        Path catalogueDir = Files.createDirectories(dir.resolve("catalogue"));
        Files.writeString(catalogueDir.resolve("members.yaml"), CATALOGUE);
        Path agreementsDir = Files.createDirectories(dir.resolve("agreements"));
        Files.writeString(agreementsDir.resolve("agreements.yaml"), AGREEMENTS);
        Catalogue catalogue = new AgreementLoader().governing(new CatalogueLoader().load(catalogueDir), List.of(agreementsDir));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        url = "http://127.0.0.1:" + port + "/soap";
        IngressSettings settings = new IngressSettings(1 << 20, url, 1000, false, false, null, null, trust,
                new ps.takamul.routes.agreement.AgreementEnforcement(), ps.takamul.routes.audit.AuditTrail.OFF, false);
        camel = new DefaultCamelContext();
        camel.addRoutes(new SoapIngressRoute(() -> catalogue, settings));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:provider").routeId("test-provider").process(WssTestNode.this::provide);
            }
        });
        AdviceWith.adviceWith(camel, SoapIngressRoute.ROUTE_ID,
                a -> a.weaveByToUri("jms:*").replace().to("direct:provider"));
        camel.start();
    }

    private void provide(Exchange exchange) {
        byte[] payload = exchange.getMessage().getBody(byte[].class);
        received.add(new Received(payload, ((SignatureEvidence.Soap) SignatureEvidence.of(exchange)).signedEnvelope(),
                SignatureEvidence.of(exchange).signedByNode(),
                exchange.getMessage().getHeader(MessageHeaders.CLIENT, String.class)));
        String inner = new String(payload, StandardCharsets.UTF_8);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setBody(("<a:Answer xmlns:a=\"urn:test:answer\">" + inner + "</a:Answer>")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** POSTs an envelope; the answer's status and bytes. */
    HttpResponse<byte[]> post(byte[] envelope) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        camel.stop();
    }

    // ---- envelopes -------------------------------------------------------------------------

    static String envelope(String client, String messageId, String bodyContent) {
        String[] c = client.split("/");
        return """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" \
                xmlns:xrd="http://x-road.eu/xsd/xroad.xsd" xmlns:id="http://x-road.eu/xsd/identifiers" \
                xmlns:cr="http://takamul.ps/examples/civil-registry/v1">
                  <soapenv:Header>
                    <xrd:client id:objectType="SUBSYSTEM">
                      <id:xRoadInstance>%s</id:xRoadInstance>
                      <id:memberClass>%s</id:memberClass>
                      <id:memberCode>%s</id:memberCode>
                      <id:subsystemCode>%s</id:subsystemCode>
                    </xrd:client>
                    <xrd:service id:objectType="SERVICE">
                      <id:xRoadInstance>PS</id:xRoadInstance>
                      <id:memberClass>GOV</id:memberClass>
                      <id:memberCode>MOI</id:memberCode>
                      <id:subsystemCode>civil-registry</id:subsystemCode>
                      <id:serviceCode>PersonByNationalId</id:serviceCode>
                      <id:serviceVersion>v1</id:serviceVersion>
                    </xrd:service>
                    <xrd:id>%s</xrd:id>
                    <xrd:userId>PS-inspector-17</xrd:userId>
                    <xrd:protocolVersion>4.0</xrd:protocolVersion>
                  </soapenv:Header>
                  <soapenv:Body>
                    <cr:PersonByNationalIdRequest>%s</cr:PersonByNationalIdRequest>
                  </soapenv:Body>
                </soapenv:Envelope>
                """.formatted(c[0], c[1], c[2], c[3], messageId, bodyContent);
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return dbf.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static Document parse(String xml) throws Exception {
        return parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] bytes(Document doc) throws Exception {
        Transformer t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }

}
