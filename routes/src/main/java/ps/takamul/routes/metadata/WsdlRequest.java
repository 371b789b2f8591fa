package ps.takamul.routes.metadata;

import java.io.IOException;
import java.util.List;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerException;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import ps.takamul.core.identifier.IdentifierException;
import ps.takamul.core.identifier.SubsystemId;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;
import ps.takamul.core.protocol.XRoadHeaders;
import ps.takamul.core.xml.XmlBytes;

/** The body of a getWsdl request: {@code <xrd:getWsdl><xrd:serviceCode/>[<xrd:serviceVersion/>]</xrd:getWsdl>}. */
record WsdlRequest(String serviceCode, String serviceVersion) {

    /** The request's service code and version, checked as identifiers of the provider's service. */
    static WsdlRequest of(List<Source> body, SubsystemId provider) {
        if (body.size() != 1) {
            throw invalid("the SOAP body must hold exactly one element, xrd:getWsdl");
        }
        Element root = parse(body.get(0));
        if (!XRoadHeaders.XROAD_NS.equals(root.getNamespaceURI()) || !"getWsdl".equals(root.getLocalName())) {
            throw invalid("the SOAP body must hold xrd:getWsdl");
        }
        String code = SoapMetaservices.childText(root, XRoadHeaders.XROAD_NS, "serviceCode");
        if (code == null || code.isEmpty()) {
            throw invalid("xrd:getWsdl must name the service in xrd:serviceCode");
        }
        String version = SoapMetaservices.childText(root, XRoadHeaders.XROAD_NS, "serviceVersion");
        WsdlRequest request = new WsdlRequest(code, version == null || version.isEmpty() ? null : version);
        try {
            provider.service(request.serviceCode, request.serviceVersion);
        } catch (IdentifierException e) {
            throw new TakamulException(ErrorCode.INVALID_IDENTIFIER, e.getMessage());
        }
        return request;
    }

    private static Element parse(Source source) {
        try {
            return XRoadXml.parse(XmlBytes.of(source)).getDocumentElement();
        } catch (TransformerException | SAXException | IOException e) {
            throw invalid("the SOAP body cannot be read");
        }
    }

    private static TakamulException invalid(String detail) {
        return new TakamulException(ErrorCode.INVALID_BODY, detail);
    }
}
