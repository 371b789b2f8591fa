package ps.takamul.node.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import ps.takamul.security.httpsig.ContentDigest;
import ps.takamul.security.httpsig.MessageSigner;
import ps.takamul.security.httpsig.SignatureAlgorithm;
import ps.takamul.security.httpsig.SignatureBase;
import ps.takamul.security.httpsig.SignatureFields;
import ps.takamul.security.sign.SigningKey;

/** A client system that signs its REST requests itself, as docs/protocol.md describes, and checks the answers' signatures. */
public final class SignedRest {

    /** A signed request, open to tampering before it is sent. */
    public static final class Request {
        public final String url;
        public final Map<String, String> headers = new LinkedHashMap<>();
        public byte[] body;

        Request(String url, byte[] body) {
            this.url = url;
            this.body = body;
        }

        public HttpRequest.Builder build() {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(b::header);
            return b;
        }
    }

    private SignedRest() {
    }

    /**
     * POST {@code body} to {@code url} as {@code client}, signed at {@code created}; {@code xroad}
     * holds the X-Road headers to send and sign besides X-Road-Client and X-Road-Id.
     */
    public static Request post(String url, SigningKey key, String client, String messageId, byte[] body,
                               Map<String, String> xroad, Instant created) {
        Request r = new Request(url, body);
        r.headers.put("Content-Type", "application/json; charset=UTF-8");
        r.headers.put("X-Road-Client", client);
        r.headers.put("X-Road-Id", messageId);
        r.headers.putAll(xroad);
        r.headers.put("Content-Digest", ContentDigest.of(body));
        Map<String, String> components = new LinkedHashMap<>();
        components.put("@method", "POST");
        components.put("@target-uri", url);
        components.put("content-digest", r.headers.get("Content-Digest"));
        components.put("x-road-client", client);
        components.put("x-road-id", messageId);
        xroad.forEach((name, value) -> components.put(name.toLowerCase(Locale.ROOT), value));
        MessageSigner.Signed signed = MessageSigner.sign(key, components, created, Duration.ofMinutes(5));
        r.headers.put("Signature-Input", signed.signatureInput());
        r.headers.put("Signature", signed.signature());
        r.headers.put(MessageSigner.SIGNER_CERTIFICATE, signed.certificate());
        return r;
    }

    public static Request post(String url, SigningKey key, String client, String messageId, byte[] body) {
        return post(url, key, client, messageId, body, Map.of(), Instant.now());
    }

    /** The certificate that signed the answer, after checking the signature covers status, digest and X-Road headers. */
    public static X509Certificate verifyResponse(HttpResponse<byte[]> response) {
        String input = response.headers().firstValue("Signature-Input").orElseThrow(() -> new AssertionError("unsigned answer"));
        String signature = response.headers().firstValue("Signature").orElseThrow();
        X509Certificate signer = MessageSigner.certificateOf(response.headers().firstValue(MessageSigner.SIGNER_CERTIFICATE).orElseThrow());
        if (!ContentDigest.matches(response.headers().firstValue("Content-Digest").orElse(null), response.body())) {
            throw new AssertionError("Content-Digest does not match the answer's body");
        }
        SignatureFields.Received received = SignatureFields.parse(input, signature);
        Map<String, String> values = new LinkedHashMap<>();
        for (String component : received.parameters().components()) {
            values.put(component, component.equals("@status") ? Integer.toString(response.statusCode())
                    : response.headers().firstValue(component).orElseThrow(() -> new AssertionError("no " + component)));
        }
        if (!received.parameters().components().containsAll(java.util.List.of("@status", "content-digest", "x-road-id", "x-road-client", "x-road-service"))) {
            throw new AssertionError("the answer's signature does not cover what it should: " + received.parameters().components());
        }
        byte[] base = SignatureBase.of(values, received.parameters(), received.rawParameters());
        if (!SignatureAlgorithm.of(signer.getPublicKey()).verify(signer.getPublicKey(), base, received.signature())) {
            throw new AssertionError("the answer's signature does not verify");
        }
        if (!SigningKey.keyIdOf(signer).equals(received.parameters().keyId())) {
            throw new AssertionError("keyid does not name the signer certificate");
        }
        return signer;
    }
}
