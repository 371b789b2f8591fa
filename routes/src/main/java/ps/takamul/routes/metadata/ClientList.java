package ps.takamul.routes.metadata;

import ps.takamul.routes.page.Language;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.catalogue.Member;
import ps.takamul.core.catalogue.Subsystem;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;
import ps.takamul.core.xml.XmlBytes;
import ps.takamul.routes.exchange.ExchangeLog;
import ps.takamul.routes.rest.ClientCertificates;

/**
 * X-Road's {@code listClients} at the root of the HTTP port: the members and subsystems of the
 * instance, the potential service providers. JSON with {@code Accept: application/json}, else
 * X-Road's {@code xrd:clientList} XML. Names are Arabic, or English with {@code lang=en}.
 */
final class ClientList implements Processor {
    static final String CODE = "listClients";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Names are Arabic: the declaration tells a reader the encoding before it meets them. */
    private static final byte[] XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>".getBytes(StandardCharsets.US_ASCII);

    /** One member or subsystem with its names; {@code subsystemName} null when it has none. */
    private record Entry(ClientId id, String name, String subsystemName) {
    }

    private final Supplier<Catalogue> catalogue;
    private final boolean requireClientCertificate;

    ClientList(Supplier<Catalogue> catalogue, boolean requireClientCertificate) {
        this.catalogue = catalogue;
        this.requireClientCertificate = requireClientCertificate;
    }

    @Override
    public void process(Exchange exchange) throws TransformerException {
        MetadataAnswers.begin(exchange);
        exchange.setProperty(ExchangeLog.SERVICE, CODE);
        Message in = exchange.getIn();
        if (requireClientCertificate) {
            // No X-Road-Client to bind it to: any verified client certificate of the instance will do.
            String peer = in.getHeader(ClientCertificates.PEER_HEADER, String.class);
            if (peer == null || peer.isEmpty()) {
                throw new TakamulException(ErrorCode.CERTIFICATE_REQUIRED, "call over mutual TLS with your subsystem's certificate");
            }
        }
        MetadataAnswers.requireGet(in, CODE);
        List<Entry> entries = entries(catalogue.get(), MetadataAnswers.queryParameter(in, "xRoadInstance"),
                Language.of(MetadataAnswers.queryParameter(in, "lang")));
        String accept = in.getHeader("Accept", "", String.class);
        if (accept.contains("application/json")) {
            MetadataAnswers.answer(exchange, "application/json", json(entries));
        } else {
            MetadataAnswers.answer(exchange, "text/xml; charset=UTF-8", xml(entries));
        }
        MetadataAnswers.logged(exchange, "rest", 200);
    }

    private static List<Entry> entries(Catalogue catalogue, String instance, Language language) {
        List<Entry> entries = new ArrayList<>();
        catalogue.members().stream()
                .filter(m -> instance == null || instance.isEmpty() || m.id().instance().equals(instance))
                .sorted(Comparator.comparing((Member m) -> m.id().toString()))
                .forEach(m -> {
                    String name = language.pick(m.name());
                    entries.add(new Entry(new ClientId(m.id(), null), name, null));
                    for (Subsystem subsystem : m.subsystems()) {
                        String subsystemName = language.pick(subsystem.name());
                        entries.add(new Entry(ClientId.of(subsystem.id()), name, subsystemName.isEmpty() ? null : subsystemName));
                    }
                });
        return entries;
    }

    private static byte[] json(List<Entry> entries) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode members = root.putArray("member");
        for (Entry e : entries) {
            ObjectNode member = members.addObject();
            ObjectNode id = member.putObject("id")
                    .put("member_class", e.id().member().memberClass())
                    .put("member_code", e.id().member().memberCode());
            if (e.id().isSubsystem()) {
                id.put("subsystem_code", e.id().subsystemCode());
            }
            id.put("object_type", e.id().isSubsystem() ? "SUBSYSTEM" : "MEMBER")
                    .put("xroad_instance", e.id().member().instance());
            member.put("name", e.name());
            if (e.subsystemName() != null) {
                member.put("subsystem_name", e.subsystemName());
            }
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xml(List<Entry> entries) throws TransformerException {
        Document doc = XRoadXml.newDocument();
        Element list = XRoadXml.element(doc, "clientList");
        doc.appendChild(list);
        for (Entry e : entries) {
            Element member = XRoadXml.element(doc, "member");
            member.appendChild(XRoadXml.client(doc, "id", e.id()));
            member.appendChild(XRoadXml.text(doc, "name", e.name()));
            if (e.subsystemName() != null) {
                member.appendChild(XRoadXml.text(doc, "subsystemName", e.subsystemName()));
            }
            list.appendChild(member);
        }
        byte[] body = XmlBytes.of(new DOMSource(doc));
        byte[] declared = new byte[XML_DECLARATION.length + body.length];
        System.arraycopy(XML_DECLARATION, 0, declared, 0, XML_DECLARATION.length);
        System.arraycopy(body, 0, declared, XML_DECLARATION.length, body.length);
        return declared;
    }
}
