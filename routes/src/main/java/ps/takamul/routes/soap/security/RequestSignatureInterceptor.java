package ps.takamul.routes.soap.security;

import ps.takamul.core.xml.XmlBytes;
import ps.takamul.routes.soap.SoapFaults;
import ps.takamul.routes.soap.SoapPeer;
import ps.takamul.routes.exchange.RequestContext;
import ps.takamul.routes.rest.ClientCertificates;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import jakarta.xml.soap.SOAPMessage;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.saaj.SAAJInInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.apache.wss4j.dom.message.token.Timestamp;
import org.apache.wss4j.dom.str.STRParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;
import ps.takamul.routes.trust.MessageTrust;
import ps.takamul.routes.trust.TrustFailures;
import ps.takamul.security.trust.CertificateRejectedException;
import ps.takamul.security.sign.SigningKey;

/**
 * Verifies a request's WS-Security signature with WSS4J, then decides whether Takamul accepts
 * it: exactly one signature and one Timestamp; the Body, the Timestamp and every X-Road header of
 * {@link WsSecurity#SIGNED_HEADERS} the request carries among the signed elements (the very nodes
 * CXF hands on, not just elements of the same name); SHA-256 digests, exclusive C14N,
 * ECDSA-SHA256 or RSA-SHA256; the signer's certificate carried as a BinarySecurityToken and
 * accepted by {@link MessageTrust#checkSigner} for the client's member; and the Timestamp and
 * {@code xrd:id} by {@link MessageTrust#spendMessageId}. Any refusal is a SOAP Fault with its code,
 * raised before the request reaches the route, so nothing is enqueued.
 *
 * <p>A request without a Security header is refused ({@code Client.SignatureRequired}) unless the
 * node signs for that client ({@link MessageTrust#signsOnBehalfOf}): then it is signed here with
 * the member's key, its id is spent like any other, and the signed envelope is the evidence. The
 * node does not verify its own signature.
 */
final class RequestSignatureInterceptor extends WSS4JInInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger("takamul.exchange");
    static final String VERIFIED = "takamul.wss.verified";
    static final String EVIDENCE = "takamul.wss.evidence";
    static final String SIGNED_BY_NODE = "takamul.wss.signedByNode";

    private final MessageTrust trust;
    private final boolean requireClientCertificate;

    /**
     * @param requireClientCertificate the secure profile: the TLS client certificate must be the
     *        {@code xrd:client}'s, checked here before any signature work is spent on the request
     */
    RequestSignatureInterceptor(MessageTrust trust, boolean requireClientCertificate) {
        super(properties(trust));
        this.trust = trust;
        this.requireClientCertificate = requireClientCertificate;
    }

    private static Map<String, Object> properties(MessageTrust trust) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConfigurationConstants.ACTION, ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SIGNATURE);
        p.put(ConfigurationConstants.TIMESTAMP_STRICT, "true");
        p.put(ConfigurationConstants.REQUIRE_TIMESTAMP_EXPIRES, "false");
        long skew = Math.max(1, trust.skew().toSeconds());
        p.put(ConfigurationConstants.TTL_TIMESTAMP, Long.toString(skew));
        p.put(ConfigurationConstants.TTL_FUTURE_TIMESTAMP, Long.toString(skew));
        p.put(ConfigurationConstants.IS_BSP_COMPLIANT, "true");
        return p;
    }

    @Override
    public Crypto loadSignatureVerificationCrypto(RequestData reqData) {
        return DeferredTrustCrypto.INSTANCE;
    }

    /** Replays are {@link MessageTrust#spendMessageId}'s business, by client and {@code xrd:id}. */
    @Override
    protected boolean isTimestampCacheRequired(List<Integer> actions, SoapMessage msg) {
        return false;
    }

    @Override
    public void handleMessage(SoapMessage message) throws Fault {
        SOAPMessage saaj = message.getContent(SOAPMessage.class);
        if (saaj == null) {
            SAAJInInterceptor.INSTANCE.handleMessage(message);
            saaj = message.getContent(SOAPMessage.class);
        }
        Document doc = saaj.getSOAPPart();
        Element header = WsSecurity.header(doc);
        String messageId = WsSecurity.headerText(header, WsSecurity.xrd("id"));
        try {
            if (messageId != null) {
                // the id becomes the replay key: hold it to the protocol's form first
                RequestContext.messageIdOrNew(messageId);
            }
            ClientId client = WsSecurity.clientOf(header);
            if (requireClientCertificate && client != null) {
                ClientCertificates.requireCertificateOf(SoapPeer.subsystemOf(message), client);
            }
            boolean signedByNode = requireSecurityHeader(message, doc, header, client);
            if (signedByNode) {
                if (messageId == null || messageId.isEmpty()) {
                    throw new TakamulException(ErrorCode.MISSING_HEADER, "SOAP header xrd:id is required");
                }
                trust.spendMessageId(client, messageId, Instant.now());
            } else {
                try {
                    super.handleMessage(message);
                } catch (Fault fault) {
                    throw refusal(fault, messageId);
                }
                check(message, doc, messageId);
            }
            message.put(VERIFIED, Boolean.TRUE);
            message.put(SIGNED_BY_NODE, signedByNode);
            message.put(EVIDENCE, serialize(doc));
        } catch (TakamulException e) {
            String loggedId = e.error() == ErrorCode.INVALID_IDENTIFIER || messageId == null ? "-" : messageId;
            LOG.warn("soap id={} error={} detail=\"{}\"", loggedId, e.error().code(), e.detail());
            throw SoapFaults.of(e.error(), e.detail(), loggedId);
        }
    }

    /** Refuses a request without a usable Security header, or signs it for the client. */
    private boolean requireSecurityHeader(SoapMessage message, Document doc, Element header, ClientId client) {
        Element security = WsSecurity.child(header, WsSecurity.WSSE_NS, "Security");
        if (security == null) {
            if (client == null || !trust.signsOnBehalfOf(client)) {
                throw new TakamulException(ErrorCode.SIGNATURE_REQUIRED,
                        "the request must carry a WS-Security signature (wsse:Security header)");
            }
            if (!requireClientCertificate) {
                // The node signs only for the system its TLS certificate proves, never on a
                // header's word, whatever the profile (in the secure one it was checked above).
                ClientCertificates.requireCertificateOf(SoapPeer.subsystemOf(message), client);
            }
            SigningKey key = trust.keyOf(client.member());
            if (key == null) {
                throw new TakamulException(ErrorCode.SIGNATURE_REQUIRED,
                        "the request must be signed: the node holds no key to sign for " + client.member());
            }
            new SoapSigner(key).sign(doc);
            return true;
        }
        if (WsSecurity.child(security, WsSecurity.DSIG_NS, "Signature") == null) {
            throw new TakamulException(ErrorCode.SIGNATURE_REQUIRED, "the wsse:Security header holds no ds:Signature");
        }
        if (WsSecurity.child(security, WsSecurity.WSU_NS, "Timestamp") == null) {
            throw new TakamulException(ErrorCode.MESSAGE_STALE, "the wsse:Security header holds no wsu:Timestamp");
        }
        return false;
    }

    private static TakamulException refusal(Fault fault, String messageId) {
        WSSecurityException wss = null;
        for (Throwable t = fault; t != null; t = t.getCause()) {
            if (t instanceof WSSecurityException w) {
                wss = w;
                break;
            }
        }
        if (wss == null) {
            return new TakamulException(ErrorCode.SIGNATURE_INVALID, "the WS-Security header cannot be processed");
        }
        String why = String.valueOf(wss.getMessage());
        if (wss.getErrorCode() == WSSecurityException.ErrorCode.MESSAGE_EXPIRED) {
            return new TakamulException(ErrorCode.MESSAGE_STALE, "the wsu:Timestamp is expired or outside the allowed skew");
        }
        if (wss.getErrorCode() == WSSecurityException.ErrorCode.UNSUPPORTED_ALGORITHM) {
            return new TakamulException(ErrorCode.WEAK_ALGORITHM, "algorithm not accepted: " + why);
        }
        return new TakamulException(ErrorCode.SIGNATURE_INVALID, "the WS-Security signature does not verify: " + why);
    }

    private void check(SoapMessage message, Document doc, String messageId) {
        List<WSSecurityEngineResult> signatures = new ArrayList<>();
        List<WSSecurityEngineResult> timestamps = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<WSHandlerResult> results = (List<WSHandlerResult>) message.get(WSHandlerConstants.RECV_RESULTS);
        if (results != null) {
            for (WSHandlerResult r : results) {
                for (WSSecurityEngineResult e : r.getResults()) {
                    Object action = e.get(WSSecurityEngineResult.TAG_ACTION);
                    if (Integer.valueOf(WSConstants.SIGN).equals(action)) {
                        signatures.add(e);
                    } else if (Integer.valueOf(WSConstants.TS).equals(action)) {
                        timestamps.add(e);
                    }
                }
            }
        }
        if (signatures.size() != 1) {
            throw new TakamulException(signatures.isEmpty() ? ErrorCode.SIGNATURE_REQUIRED : ErrorCode.SIGNATURE_INVALID,
                    "the request must carry exactly one signature, found " + signatures.size());
        }
        if (timestamps.size() != 1) {
            throw new TakamulException(ErrorCode.MESSAGE_STALE,
                    "the request must carry exactly one wsu:Timestamp, found " + timestamps.size());
        }
        WSSecurityEngineResult signature = signatures.get(0);
        Timestamp timestamp = (Timestamp) timestamps.get(0).get(WSSecurityEngineResult.TAG_TIMESTAMP);

        checkAlgorithms(signature);
        List<Element> signed = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<WSDataRef> refs = (List<WSDataRef>) signature.get(WSSecurityEngineResult.TAG_DATA_REF_URIS);
        if (refs != null) {
            for (WSDataRef ref : refs) {
                if (!WsSecurity.SHA256.equals(ref.getDigestAlgorithm())) {
                    throw new TakamulException(ErrorCode.WEAK_ALGORITHM, "digest algorithm " + ref.getDigestAlgorithm()
                            + " is not accepted; use " + WsSecurity.SHA256);
                }
                if (ref.getProtectedElement() != null) {
                    signed.add(ref.getProtectedElement());
                }
            }
        }
        Element header = WsSecurity.header(doc);
        requireSigned(signed, WsSecurity.body(doc), "soap:Body");
        requireSigned(signed, timestamp.getElement(), "wsu:Timestamp");
        for (Element h : WsSecurity.children(header)) {
            QName name = new QName(h.getNamespaceURI(), h.getLocalName());
            if (WsSecurity.SIGNED_HEADERS.contains(name)) {
                requireSigned(signed, h, (name.getNamespaceURI().equals(WsSecurity.SIGNED_HEADERS.get(0).getNamespaceURI())
                        ? "xrd:" : "tkm:") + name.getLocalPart());
            }
        }

        if (signature.get(WSSecurityEngineResult.TAG_X509_REFERENCE_TYPE) != STRParser.REFERENCE_TYPE.DIRECT_REF) {
            throw new TakamulException(ErrorCode.SIGNATURE_INVALID,
                    "the signer's certificate must be carried as a wsse:BinarySecurityToken");
        }
        X509Certificate[] chain = (X509Certificate[]) signature.get(WSSecurityEngineResult.TAG_X509_CERTIFICATES);
        if (chain == null || chain.length == 0) {
            throw new TakamulException(ErrorCode.SIGNATURE_INVALID, "the signature names no certificate");
        }
        ClientId client = WsSecurity.clientOf(header);
        if (client == null) {
            throw new TakamulException(ErrorCode.MISSING_HEADER, "SOAP header xrd:client is missing or malformed");
        }
        if (messageId == null || messageId.isEmpty()) {
            throw new TakamulException(ErrorCode.MISSING_HEADER, "SOAP header xrd:id is required");
        }
        Instant created = timestamp.getCreated();
        if (created == null) {
            throw new TakamulException(ErrorCode.MESSAGE_STALE, "the wsu:Timestamp has no wsu:Created");
        }
        try {
            trust.checkSigner(List.of(chain), client.member(), created);
        } catch (CertificateRejectedException e) {
            throw TrustFailures.of(e);
        }
        trust.spendMessageId(client, messageId, created);
    }

    private static void checkAlgorithms(WSSecurityEngineResult signature) {
        Object method = signature.get(WSSecurityEngineResult.TAG_SIGNATURE_METHOD);
        if (!WsSecurity.SIGNATURE_METHODS.contains(method)) {
            throw new TakamulException(ErrorCode.WEAK_ALGORITHM, "signature method " + method
                    + " is not accepted; use " + WsSecurity.ECDSA_SHA256 + " or " + WsSecurity.RSA_SHA256);
        }
        Object c14n = signature.get(WSSecurityEngineResult.TAG_CANONICALIZATION_METHOD);
        if (!WsSecurity.EXC_C14N.equals(c14n)) {
            throw new TakamulException(ErrorCode.WEAK_ALGORITHM, "canonicalization " + c14n
                    + " is not accepted; use " + WsSecurity.EXC_C14N);
        }
    }

    /** The very element must be among the signed ones: same node, not an element of the same name. */
    private static void requireSigned(List<Element> signed, Element element, String name) {
        if (element == null) {
            throw new TakamulException(ErrorCode.SIGNATURE_INVALID, "the request has no " + name);
        }
        for (Element s : signed) {
            if (s == element || s.isSameNode(element)) {
                return;
            }
        }
        throw new TakamulException(ErrorCode.SIGNATURE_INVALID, "the signature does not cover " + name);
    }

    private static byte[] serialize(Document doc) {
        try {
            return XmlBytes.of(new DOMSource(doc));
        } catch (TransformerException e) {
            throw new TakamulException(ErrorCode.INTERNAL_ERROR, "cannot keep the signed request as evidence", e);
        }
    }

}
