package ps.takamul.routes.soap;

import ps.takamul.routes.agreement.AgreementEnforcement;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.apache.cxf.binding.soap.SoapHeader;
import org.w3c.dom.Element;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.MessageHeaders;
import ps.takamul.core.protocol.TakamulException;
import ps.takamul.routes.exchange.ExchangeLog;
import ps.takamul.routes.exchange.ExchangeProperties;

/**
 * Wraps the provider's payload, reduced to the agreement's fields, in the SOAP response, echoing
 * the request's X-Road headers.
 */
final class SoapResponseWriter implements Processor {
    private final ThreadLocal<DocumentBuilder> builders = ThreadLocal.withInitial(SoapResponseWriter::newBuilder);
    private final AgreementEnforcement agreements;

    SoapResponseWriter(AgreementEnforcement agreements) {
        this.agreements = agreements;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String error = message.getHeader(MessageHeaders.ERROR, String.class);
        if (error != null) {
            throw new TakamulException(ErrorCode.fromCode(error), message.getHeader(MessageHeaders.ERROR_DETAIL, "", String.class));
        }
        byte[] body = agreements.reduce(exchange, message.getBody(byte[].class), "text/xml");
        exchange.setProperty(ExchangeProperties.RESPONSE_BODY, body);
        Element payload;
        try {
            payload = builders.get().parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (org.xml.sax.SAXException e) {
            throw new TakamulException(ErrorCode.PROVIDER_FAULT, "the provider's answer is not well-formed XML");
        }
        @SuppressWarnings("unchecked")
        List<Element> echoed = exchange.getProperty(ExchangeProperties.SOAP_HEADERS, List.class);
        List<SoapHeader> headers = new ArrayList<>();
        for (Element h : echoed) {
            headers.add(new SoapHeader(new javax.xml.namespace.QName(h.getNamespaceURI(), h.getLocalName()), h));
        }
        List<Source> bodySources = new ArrayList<>();
        bodySources.add(new DOMSource(payload));
        message.removeHeaders("*");
        message.setBody(new CxfPayload<>(headers, bodySources, null));
        ExchangeLog.answered(exchange, "soap", 200);
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setNamespaceAware(true);
            dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            dbf.setExpandEntityReferences(false);
            return dbf.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
