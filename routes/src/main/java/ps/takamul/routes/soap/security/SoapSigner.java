package ps.takamul.routes.soap.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.util.WSTimeSource;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import ps.takamul.security.sign.SigningKey;

/**
 * Signs a SOAP 1.1 envelope in place the way Takamul expects a signed message: a
 * {@code wsu:Timestamp}, then one XML signature (exclusive C14N, SHA-256 digests, ECDSA-SHA256 or
 * RSA-SHA256 by key type) over the Body, the Timestamp and the listed headers that are present,
 * with the signer's certificate as a BinarySecurityToken. The node uses it to sign a request on
 * a member's behalf; clients and tests can use it as the reference signer.
 */
public final class SoapSigner {
    private final SigningKey key;
    private final Duration timeToLive;
    private final Clock clock;

    public SoapSigner(SigningKey key, Duration timeToLive, Clock clock) {
        this.key = key;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    public SoapSigner(SigningKey key) {
        this(key, Duration.ofMinutes(5), Clock.systemUTC());
    }

    /** Signs Body, Timestamp and every header of {@link WsSecurity#SIGNED_HEADERS} the envelope has. */
    public Document sign(Document envelope) {
        List<QName> headers = new ArrayList<>(WsSecurity.SIGNED_HEADERS);
        headers.add(WsSecurity.PROTOCOL_VERSION);
        return sign(envelope, headers);
    }

    /** Signs Body, Timestamp and those of {@code headers} the envelope has (each occurrence). */
    public Document sign(Document envelope, List<QName> headers) {
        try {
            WSSecHeader security = new WSSecHeader(envelope);
            security.insertSecurityHeader();

            WSSecTimestamp timestamp = new WSSecTimestamp(security);
            timestamp.setTimeToLive((int) timeToLive.toSeconds());
            timestamp.setWsTimeSource(new ClockTimeSource(clock));
            timestamp.build();

            WSSecSignature signature = new WSSecSignature(security);
            signature.setUserInfo(key.member().toString(), "unused");
            signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
            signature.setSignatureAlgorithm(WsSecurity.signatureMethodFor(key.privateKey()));
            signature.setDigestAlgo(WsSecurity.SHA256);
            signature.setSigCanonicalization(WsSecurity.EXC_C14N);
            signature.setAddInclusivePrefixes(false);
            List<WSEncryptionPart> parts = signature.getParts();
            parts.add(new WSEncryptionPart("Body", WsSecurity.SOAP_NS, "Element"));
            parts.add(new WSEncryptionPart("Timestamp", WsSecurity.WSU_NS, "Element"));
            Element header = WsSecurity.header(envelope);
            for (QName name : headers) {
                if (WsSecurity.child(header, name.getNamespaceURI(), name.getLocalPart()) != null) {
                    parts.add(new WSEncryptionPart(name.getLocalPart(), name.getNamespaceURI(), "Element"));
                }
            }
            signature.build(SigningKeyCrypto.of(key));
            return envelope;
        } catch (WSSecurityException e) {
            throw new IllegalStateException("cannot sign the SOAP envelope: " + e.getMessage(), e);
        }
    }

    private record ClockTimeSource(Clock clock) implements WSTimeSource {
        @Override
        public Instant now() {
            return clock.instant();
        }
    }
}
