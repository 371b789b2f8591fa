package ps.takamul.routes.rest;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import ps.takamul.core.identifier.ClientId;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;
import ps.takamul.core.protocol.XRoadHeaders;
import ps.takamul.routes.trust.Freshness;
import ps.takamul.routes.trust.MessageTrust;
import ps.takamul.routes.trust.SignatureEvidence;
import ps.takamul.routes.trust.TrustFailures;
import ps.takamul.security.httpsig.ContentDigest;
import ps.takamul.security.httpsig.MessageSigner;
import ps.takamul.security.httpsig.SignatureAlgorithm;
import ps.takamul.security.httpsig.SignatureBase;
import ps.takamul.security.httpsig.SignatureException;
import ps.takamul.security.httpsig.SignatureFields;
import ps.takamul.security.sign.SigningKey;
import ps.takamul.security.trust.CertificateRejectedException;

/**
 * RFC 9421 signatures on the REST protocol (docs/protocol.md, "Signed messages"). A request must
 * cover the method, the target URI, its Content-Digest and the X-Road headers it carries; the
 * node checks them before anything is enqueued, and signs every answer as the provider's member.
 */
final class RestSignatures {
    static final String SIGNATURE_INPUT = "Signature-Input";
    static final String SIGNATURE = "Signature";
    static final String CONTENT_DIGEST = "Content-Digest";
    /** Covered by every signed request. */
    static final List<String> REQUIRED = List.of("@method", "@target-uri", "content-digest", "x-road-client", "x-road-id");
    /** Covered whenever the request carries them. */
    static final List<String> REQUIRED_IF_SENT = List.of("x-road-userid", "x-road-issue", "takamul-purpose");
    /** The X-Road headers an answer's signature covers, by header and component name. */
    private static final Map<String, String> RESPONSE_HEADERS = new LinkedHashMap<>();

    static {
        for (String header : List.of(XRoadHeaders.ID, XRoadHeaders.REQUEST_ID, XRoadHeaders.CLIENT, XRoadHeaders.SERVICE)) {
            RESPONSE_HEADERS.put(header, header.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** How long a signature the node makes stays valid. */
    static final Duration VALIDITY = Duration.ofMinutes(5);

    private final MessageTrust trust;
    private final String scheme;

    RestSignatures(MessageTrust trust, boolean tls) {
        this.trust = trust;
        this.scheme = tls ? "https" : "http";
    }

    boolean enabled() {
        return trust.enabled();
    }

    /**
     * Checks the request's signature, or signs it for a client system the node signs for, and
     * leaves the evidence on the exchange. Throws with the code of the first check that fails.
     */
    void check(Exchange exchange, Message in, ClientId client, MemberId provider, String messageId, byte[] body) {
        // The answer will be signed as the provider's member: find out now, before the provider is called.
        keyOf(provider);
        String input = in.getHeader(SIGNATURE_INPUT, String.class);
        String signature = in.getHeader(SIGNATURE, String.class);
        if (input == null && signature == null) {
            if (!trust.signsOnBehalfOf(client)) {
                throw new TakamulException(ErrorCode.SIGNATURE_REQUIRED,
                        "sign the request (RFC 9421, docs/protocol.md#signed-messages)");
            }
            signOnBehalf(exchange, in, client, messageId, body);
            return;
        }
        if (input == null || signature == null) {
            throw new TakamulException(ErrorCode.SIGNATURE_INVALID, "send both Signature-Input and Signature");
        }
        SignatureFields.Received received;
        X509Certificate signer;
        try {
            received = SignatureFields.parse(input, signature);
            signer = MessageSigner.certificateOf(in.getHeader(MessageSigner.SIGNER_CERTIFICATE, String.class));
        } catch (SignatureException e) {
            throw new TakamulException(ErrorCode.SIGNATURE_INVALID, e.getMessage());
        }
        if (!SigningKey.keyIdOf(signer).equals(received.parameters().keyId())) {
            throw new TakamulException(ErrorCode.SIGNATURE_INVALID,
                    "keyid does not name the certificate in " + MessageSigner.SIGNER_CERTIFICATE);
        }
        List<String> covered = received.parameters().components();
        for (String component : REQUIRED) {
            requireCovered(covered, component);
        }
        for (String component : REQUIRED_IF_SENT) {
            if (in.getHeader(component) != null) {
                requireCovered(covered, component);
            }
        }
        String digest = in.getHeader(CONTENT_DIGEST, String.class);
        if (!ContentDigest.matches(digest, body)) {
            throw new TakamulException(ErrorCode.DIGEST_MISMATCH, "the body does not match Content-Digest (sha-256)");
        }
        Instant created = Instant.ofEpochSecond(received.parameters().created());
        Long expires = received.parameters().expires();
        Instant expiry = expires == null ? null : Instant.ofEpochSecond(expires);
        Freshness.check(created, expiry, trust.skew(), Instant.now());
        try {
            trust.checkSigner(List.of(signer), client.member(), created);
        } catch (CertificateRejectedException e) {
            throw TrustFailures.of(e);
        }
        SignatureAlgorithm algorithm;
        try {
            algorithm = SignatureAlgorithm.of(signer.getPublicKey());
            if (received.parameters().alg() != null && SignatureAlgorithm.ofName(received.parameters().alg()) != algorithm) {
                throw new SignatureException("alg does not fit the certificate's key");
            }
        } catch (SignatureException e) {
            throw new TakamulException(ErrorCode.SIGNATURE_INVALID, e.getMessage());
        }
        byte[] base;
        try {
            base = SignatureBase.of(requestComponents(in, covered), received.parameters(), received.rawParameters());
        } catch (SignatureException e) {
            throw new TakamulException(ErrorCode.SIGNATURE_INVALID, e.getMessage());
        }
        if (!algorithm.verify(signer.getPublicKey(), base, received.signature())) {
            throw new TakamulException(ErrorCode.SIGNATURE_INVALID, "the signature does not verify over the request");
        }
        // Only now, with signature and signer checked, is the id spent: a forged message cannot
        // use up a real client's ids.
        trust.spendMessageId(client, messageId, created);
        new SignatureEvidence.Rest(input, signature, in.getHeader(MessageSigner.SIGNER_CERTIFICATE, String.class), digest, false, base)
                .attachTo(exchange);
    }

    /** The node signs as the client's member; the client authenticated with its TLS certificate. */
    private void signOnBehalf(Exchange exchange, Message in, ClientId client, String messageId, byte[] body) {
        SigningKey key = keyOf(client.member());
        in.setHeader(XRoadHeaders.ID, messageId);
        String digest = ContentDigest.of(body);
        in.setHeader(CONTENT_DIGEST, digest);
        List<String> components = new java.util.ArrayList<>(REQUIRED);
        for (String component : REQUIRED_IF_SENT) {
            if (in.getHeader(component) != null) {
                components.add(component);
            }
        }
        Instant now = Instant.now();
        MessageSigner.Signed signed = MessageSigner.sign(key, requestComponents(in, components), now, VALIDITY);
        // A legacy system's ids are single-use too: a replayed call must not be signed twice.
        trust.spendMessageId(client, messageId, now);
        new SignatureEvidence.Rest(signed.signatureInput(), signed.signature(), signed.certificate(), digest, true, signed.base())
                .attachTo(exchange);
    }

    /** Signs an answer as the provider's member: status, content type, digest and the X-Road headers. */
    void signResponse(Message message, MemberId provider, int status, byte[] body) {
        SigningKey key = keyOf(provider);
        String digest = ContentDigest.of(body);
        message.setHeader(CONTENT_DIGEST, digest);
        Map<String, String> components = new LinkedHashMap<>();
        components.put("@status", Integer.toString(status));
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType != null) {
            components.put("content-type", contentType);
        }
        components.put("content-digest", digest);
        RESPONSE_HEADERS.forEach((header, component) -> components.put(component, message.getHeader(header, String.class)));
        MessageSigner.Signed signed = MessageSigner.sign(key, components, Instant.now(), VALIDITY);
        message.setHeader(SIGNATURE_INPUT, signed.signatureInput());
        message.setHeader(SIGNATURE, signed.signature());
        message.setHeader(MessageSigner.SIGNER_CERTIFICATE, signed.certificate());
        if (message.getExchange() != null) {
            message.getExchange().setProperty(SignatureEvidence.RESPONSE_BASE, signed.base());
        }
    }

    private SigningKey keyOf(MemberId member) {
        SigningKey key = trust.keyOf(member);
        if (key == null) {
            throw new TakamulException(ErrorCode.INTERNAL_ERROR, "this node holds no member-signing key for " + member
                    + " (takamul.signing.keystores)");
        }
        return key;
    }

    private Map<String, String> requestComponents(Message in, List<String> covered) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String component : covered) {
            String value = switch (component) {
                case "@method" -> in.getHeader(Exchange.HTTP_METHOD, String.class);
                case "@target-uri" -> scheme + "://" + in.getHeader("Host", String.class)
                        + in.getHeader(Exchange.HTTP_URI, String.class);
                default -> component.startsWith("@") ? null : in.getHeader(component, String.class);
            };
            if (value == null) {
                throw new SignatureException("the request has no component \"" + component + "\" to cover");
            }
            values.put(component, value);
        }
        return values;
    }

    private static void requireCovered(List<String> covered, String component) {
        if (!covered.contains(component)) {
            throw new TakamulException(ErrorCode.SIGNATURE_INVALID, "the signature must cover \"" + component + "\"");
        }
    }
}
