package ps.takamul.routes.soap;

import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.XRoadHeaders;

/**
 * SOAP Faults carrying the stable error code. SOAP 1.1 extends its own fault codes with dots,
 * so {@code Client.UnknownService} is written {@code soap:Client.UnknownService}, which every
 * SOAP stack reads as a refinement of {@code soap:Client}. The detail repeats the bare code with
 * the message id.
 */
public final class SoapFaults {
    private SoapFaults() {
    }

    public static SoapFault of(ErrorCode code, String detail, String messageId) {
        SoapFault fault = new SoapFault(detail, new QName(Soap11.SOAP_NAMESPACE, code.code()));
        fault.setDetail(detail(code, messageId));
        fault.setStatusCode(500);
        return fault;
    }

    /** Whether a fault was made here (a refined code), rather than by CXF on its own. */
    static boolean isOurs(SoapFault fault) {
        return fault.getFaultCode().getLocalPart().contains(".");
    }

    /** The message id a fault of ours names in its detail, or null. */
    static String messageIdOf(SoapFault fault) {
        Element detail = fault.getDetail();
        if (detail == null) {
            return null;
        }
        org.w3c.dom.NodeList ids = detail.getElementsByTagNameNS(XRoadHeaders.TAKAMUL_NS, "messageId");
        String id = ids.getLength() == 0 ? null : ids.item(0).getTextContent();
        return id == null || id.equals("-") ? null : id;
    }

    private static Element detail(ErrorCode code, String messageId) {
        try {
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setNamespaceAware(true);
            Document doc = dbf.newDocumentBuilder().newDocument();
            Element detail = doc.createElement("detail");
            Element c = doc.createElementNS(XRoadHeaders.TAKAMUL_NS, "tkm:code");
            c.setTextContent(code.code());
            detail.appendChild(c);
            Element id = doc.createElementNS(XRoadHeaders.TAKAMUL_NS, "tkm:messageId");
            id.setTextContent(messageId == null || messageId.isEmpty() ? "-" : messageId);
            detail.appendChild(id);
            return detail;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
