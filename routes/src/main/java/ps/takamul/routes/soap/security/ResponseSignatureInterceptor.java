package ps.takamul.routes.soap.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.xml.namespace.QName;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.headers.Header;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.dom.handler.RequestData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.core.protocol.XRoadHeaders;
import ps.takamul.routes.trust.MessageTrust;
import ps.takamul.security.sign.SigningKey;

/**
 * Signs every response and every fault as the provider's member, the member of the request's
 * {@code xrd:service}, with the node's key for it ({@link MessageTrust#keyOf}): a Timestamp and
 * one signature over the Body, the Timestamp and the echoed X-Road headers, with the certificate
 * as a BinarySecurityToken. A fault to a request whose service member cannot be read (an
 * envelope that does not parse, no {@code xrd:service}), or whose member the node holds no key
 * for, goes out unsigned: there is no member to sign as.
 */
final class ResponseSignatureInterceptor extends WSS4JOutInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(ResponseSignatureInterceptor.class);
    private static final CallbackHandler NO_PASSWORD = callbacks -> {
        for (Callback c : callbacks) {
            if (c instanceof WSPasswordCallback pc) {
                pc.setPassword("unused"); // keys come from MessageTrust, not from a password-protected store
            }
        }
    };

    private final MessageTrust trust;
    private final Crypto crypto;

    ResponseSignatureInterceptor(MessageTrust trust) {
        super(properties());
        this.trust = trust;
        this.crypto = new SigningKeyCrypto(alias -> trust.keyOf(MemberId.parse(alias)));
    }

    private static Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        p.put(ConfigurationConstants.ACTION, ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SIGNATURE);
        p.put(ConfigurationConstants.SIG_KEY_ID, "DirectReference");
        p.put(ConfigurationConstants.SIG_DIGEST_ALGO, WsSecurity.SHA256);
        p.put(ConfigurationConstants.SIG_C14N_ALGO, WsSecurity.EXC_C14N);
        p.put(ConfigurationConstants.ADD_INCLUSIVE_PREFIXES, "false");
        p.put(ConfigurationConstants.TTL_TIMESTAMP, "300");
        p.put(ConfigurationConstants.PW_CALLBACK_REF, NO_PASSWORD);
        p.put(ConfigurationConstants.SIGNATURE_PARTS, part(new QName(WsSecurity.SOAP_NS, "Body")) + ";"
                + part(new QName(WsSecurity.WSU_NS, "Timestamp")));
        p.put(ConfigurationConstants.OPTIONAL_SIGNATURE_PARTS,
                Stream.concat(WsSecurity.SIGNED_HEADERS.stream(), Stream.of(WsSecurity.PROTOCOL_VERSION))
                        .map(ResponseSignatureInterceptor::part).collect(Collectors.joining(";")));
        return p;
    }

    private static String part(QName name) {
        return "{Element}{" + name.getNamespaceURI() + "}" + name.getLocalPart();
    }

    @Override
    public Crypto loadSignatureCrypto(RequestData reqData) {
        return crypto;
    }

    @Override
    public void handleMessage(SoapMessage message) throws Fault {
        // Never relay a request's Security header (or any other WS-Security header) into the answer.
        message.getHeaders().removeIf(h -> WsSecurity.WSSE_NS.equals(h.getName().getNamespaceURI())
                || WsSecurity.WSU_NS.equals(h.getName().getNamespaceURI()));
        MemberId signer = providerMember(message);
        SigningKey key = signer == null ? null : trust.keyOf(signer);
        if (key == null) {
            LOG.debug("response not signed: no key for the service member {}", signer);
            return;
        }
        message.put(ConfigurationConstants.USER, signer.toString());
        message.put(ConfigurationConstants.SIGNATURE_USER, signer.toString());
        message.put(ConfigurationConstants.SIG_ALGO, WsSecurity.signatureMethodFor(key.privateKey()));
        super.handleMessage(message);
    }

    /** The member of the request's {@code xrd:service}, or null when it cannot be read. */
    private static MemberId providerMember(SoapMessage message) {
        Message in = message.getExchange() == null ? null : message.getExchange().getInMessage();
        if (in == null) {
            return null;
        }
        SOAPMessage saaj = in.getContent(SOAPMessage.class);
        if (saaj != null) {
            try {
                return WsSecurity.memberOf(saaj.getSOAPPart().getEnvelope().getHeader(), "service");
            } catch (SOAPException | RuntimeException e) {
                return null;
            }
        }
        @SuppressWarnings("unchecked")
        List<Header> headers = (List<Header>) in.get(Header.HEADER_LIST);
        if (headers != null) {
            for (Header h : headers) {
                if (h.getObject() instanceof Element e && XRoadHeaders.XROAD_NS.equals(e.getNamespaceURI())
                        && "service".equals(e.getLocalName()) && e.getParentNode() instanceof Element parent) {
                    return WsSecurity.memberOf(parent, "service");
                }
            }
        }
        return null;
    }
}
