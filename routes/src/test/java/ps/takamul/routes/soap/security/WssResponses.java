package ps.takamul.routes.soap.security;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads answers in tests: the fault code, and the WS-Security signature checked with WSS4J. */
final class WssResponses {
    private WssResponses() {
    }

    /** The fault code's local part after the prefix, e.g. {@code Client.SignatureInvalid}, or null. */
    static String faultCode(Document doc) {
        NodeList codes = doc.getElementsByTagName("faultcode");
        if (codes.getLength() == 0) {
            return null;
        }
        String code = codes.item(0).getTextContent().strip();
        return code.substring(code.indexOf(':') + 1);
    }

    static String faultString(Document doc) {
        NodeList s = doc.getElementsByTagName("faultstring");
        return s.getLength() == 0 ? null : s.item(0).getTextContent();
    }

    static String detailCode(Document doc) {
        NodeList codes = doc.getElementsByTagNameNS("http://takamul.ps/xsd/takamul.xsd", "code");
        return codes.getLength() == 0 ? null : codes.item(0).getTextContent();
    }

    /** What a verified signature covers and who made it. */
    record Verified(X509Certificate signer, List<Element> signed, String signatureMethod) {
        boolean covers(String ns, String local) {
            return signed.stream().anyMatch(e -> ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName()));
        }
    }

    /**
     * Verifies the message's signature with plain WSS4J and a Merlin trust store holding the test
     * root and issuing CA: the certificate must chain to them. Throws if anything fails.
     */
    static Verified verify(Document doc, X509Certificate root, X509Certificate issuing) throws Exception {
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        trustStore.setCertificateEntry("root", root);
        trustStore.setCertificateEntry("issuing", issuing);
        Merlin crypto = new Merlin();
        crypto.setTrustStore(trustStore);
        RequestData data = new RequestData();
        data.setWssConfig(WSSConfig.getNewInstance());
        data.setSigVerCrypto(crypto);
        WSHandlerResult result = new WSSecurityEngine().processSecurityHeader(doc, data);
        if (result == null) {
            throw new AssertionError("no wsse:Security header");
        }
        List<WSSecurityEngineResult> signatures = result.getActionResults().get(WSConstants.SIGN);
        if (signatures == null || signatures.size() != 1) {
            throw new AssertionError("expected one signature, got " + signatures);
        }
        WSSecurityEngineResult sig = signatures.get(0);
        List<Element> signed = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<WSDataRef> refs = (List<WSDataRef>) sig.get(WSSecurityEngineResult.TAG_DATA_REF_URIS);
        for (WSDataRef ref : refs) {
            signed.add(ref.getProtectedElement());
        }
        return new Verified((X509Certificate) sig.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE), signed,
                (String) sig.get(WSSecurityEngineResult.TAG_SIGNATURE_METHOD));
    }
}
