package ps.takamul.routes.metadata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import ps.takamul.core.catalogue.ServiceDescription;
import ps.takamul.core.catalogue.ServiceProtocol;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;
import ps.takamul.core.xml.XmlBytes;

/**
 * The contract document a service publishes: its OpenAPI description (REST) or its WSDL (SOAP),
 * read from disk on each request so that an edited file is served without a restart.
 *
 * <p>As X-Road requires, a WSDL's endpoint addresses are replaced before it leaves the node: the
 * provider's own address must stay hidden, and clients are to call the node's SOAP endpoint.
 */
final class ContractDocuments {
    private static final String[] SOAP_BINDING_NAMESPACES = {
        "http://schemas.xmlsoap.org/wsdl/soap/", "http://schemas.xmlsoap.org/wsdl/soap12/"};

    /** A contract as served. */
    record Contract(byte[] content, String mediaType) {
    }

    private final String soapAddress;

    /** @param soapAddress the node's SOAP endpoint, written into WSDLs as the service's address */
    ContractDocuments(String soapAddress) {
        this.soapAddress = soapAddress;
    }

    /** Whether the service publishes a contract, without reading it. */
    boolean publishes(ServiceDescription service) {
        return service.contract() != null;
    }

    /** The service's contract, if it publishes one. */
    Optional<Contract> of(ServiceDescription service) {
        Path file = service.contract();
        if (file == null) {
            return Optional.empty();
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TakamulException(ErrorCode.INTERNAL_ERROR, "the contract of " + service.id() + " cannot be read");
        }
        if (service.protocol() == ServiceProtocol.SOAP) {
            return Optional.of(new Contract(withNodeAddress(content), "text/xml; charset=UTF-8"));
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Optional.of(new Contract(content, name.endsWith(".json") ? "application/json" : "text/yaml; charset=UTF-8"));
    }

    /** The contract, or {@code Client.UnknownService} naming what is missing. */
    Contract required(ServiceDescription service) {
        return of(service).orElseThrow(() -> new TakamulException(ErrorCode.UNKNOWN_SERVICE, "service " + service.id()
                + " publishes no " + (service.protocol() == ServiceProtocol.SOAP ? "WSDL" : "OpenAPI description")));
    }

    private byte[] withNodeAddress(byte[] wsdl) {
        try {
            Document doc = XRoadXml.parse(wsdl);
            for (String ns : SOAP_BINDING_NAMESPACES) {
                NodeList addresses = doc.getElementsByTagNameNS(ns, "address");
                for (int i = 0; i < addresses.getLength(); i++) {
                    ((Element) addresses.item(i)).setAttribute("location", soapAddress);
                }
            }
            return XmlBytes.of(new DOMSource(doc));
        } catch (SAXException | IOException | TransformerException e) {
            throw new TakamulException(ErrorCode.INTERNAL_ERROR, "the WSDL file is not well-formed XML");
        }
    }
}
