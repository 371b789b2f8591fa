import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import ps.takamul.security.httpsig.ContentDigest;
import ps.takamul.security.httpsig.MessageSigner;
import ps.takamul.security.httpsig.SignatureAlgorithm;
import ps.takamul.security.httpsig.SignatureBase;
import ps.takamul.security.httpsig.SignatureFields;
import ps.takamul.security.sign.SigningKey;
import ps.takamul.security.sign.SigningKeys;

/**
 * A client system under load, signing or not: CLIENTS threads each send GET requests for the
 * given national IDs in turn, for SECONDS. Signed, each request carries a fresh X-Road-Id and an
 * RFC 9421 signature made with the member's key, and each answer's signature is verified, so
 * the figure includes the crypto of both directions on both ends. Prints "requests/s failures answers".
 *
 * <pre>java -cp node/target/takamul-node.jar:CLASSES SignedLoad URL CLIENT IDS CLIENTS SECONDS [KEYSTORE PASSWORD]</pre>
 */
public final class SignedLoad {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        String client = args[1];
        String[] ids = args[2].split(",");
        int clients = Integer.parseInt(args[3]);
        long seconds = Long.parseLong(args[4]);
        SigningKey key = args.length > 6 ? SigningKeys.fromPkcs12(Path.of(args[5]), args[6].toCharArray()).get(0) : null;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new java.util.ArrayList<>();
        for (int t = 0; t < clients; t++) {
            int offset = t;
            Thread thread = new Thread(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    String target = url + ids[i++ % ids.length];
                    try {
                        HttpResponse<byte[]> response = http.send(request(target, client, key), HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200 || (key != null && !verifies(response))) {
                            failed.incrementAndGet();
                        } else {
                            done.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.printf("%.0f %d %d%n", done.get() / (double) seconds, failed.get(), done.get());
    }

    private static final String PURPOSE = "health-insurance";

    private static HttpRequest request(String target, String client, SigningKey key) {
        // The Ministry of Health's agreement with the Interior asks for a purpose (config/agreements).
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target)).GET().header("X-Road-Client", client)
                .header("Takamul-Purpose", PURPOSE);
        if (key == null) {
            return b.build();
        }
        String id = UUID.randomUUID().toString();
        String digest = ContentDigest.of(new byte[0]);
        Map<String, String> components = new LinkedHashMap<>();
        components.put("@method", "GET");
        components.put("@target-uri", target);
        components.put("content-digest", digest);
        components.put("x-road-client", client);
        components.put("x-road-id", id);
        components.put("takamul-purpose", PURPOSE);
        MessageSigner.Signed signed = MessageSigner.sign(key, components, Instant.now(), Duration.ofMinutes(1));
        return b.header("X-Road-Id", id).header("Content-Digest", digest)
                .header("Signature-Input", signed.signatureInput()).header("Signature", signed.signature())
                .header(MessageSigner.SIGNER_CERTIFICATE, signed.certificate()).build();
    }

    /** The answer's signature, over the components it names, with the certificate it carries. */
    private static boolean verifies(HttpResponse<byte[]> response) {
        var headers = response.headers();
        if (!ContentDigest.matches(headers.firstValue("Content-Digest").orElse(null), response.body())) {
            return false;
        }
        SignatureFields.Received received = SignatureFields.parse(headers.firstValue("Signature-Input").orElseThrow(),
                headers.firstValue("Signature").orElseThrow());
        X509Certificate signer = MessageSigner.certificateOf(headers.firstValue(MessageSigner.SIGNER_CERTIFICATE).orElseThrow());
        Map<String, String> values = new LinkedHashMap<>();
        for (String c : received.parameters().components()) {
            values.put(c, c.equals("@status") ? "200" : headers.firstValue(c).orElseThrow());
        }
        byte[] base = SignatureBase.of(values, received.parameters(), received.rawParameters());
        return SignatureAlgorithm.of(signer.getPublicKey()).verify(signer.getPublicKey(), base, received.signature());
    }
}
