package ps.takamul.security.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.security.tsa.TimestampAuthority;
import ps.takamul.security.tsa.TimestampClient;
import ps.takamul.security.tsa.TimestampException;

/**
 * The external-TSA client against a real HTTP server on loopback: Takamul's own
 * {@link TimestampAuthority} behind {@code com.sun.net.httpserver}, honest or tampered with. In
 * this package for the {@link OpenSsl} helper.
 */
class TimestampClientTest {
    private static final char[] PASSWORD = "tsa-secret".toCharArray();
    private static final byte[] RECORD = "audit record سجل التدقيق 42".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private InstanceCa ca;
    private TimestampAuthority tsa;
    private HttpServer server;
    private final CountDownLatch released = new CountDownLatch(1);
    /** What the server answers to a query body; the honest TSA unless a test says otherwise. */
    private volatile UnaryOperator<byte[]> answer;
    private volatile int httpStatus = 200;

    @BeforeEach
    void tsaOverHttp() throws Exception {
        ca = InstanceCa.init(dir.resolve("ca"), "PS", Duration.ofDays(365), PASSWORD, null);
        tsa = authority(ca, dir.resolve("tsa"));
        answer = tsa::respond;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/tsa", exchange -> {
            byte[] query = exchange.getRequestBody().readAllBytes();
            boolean asQuery = "application/timestamp-query".equals(exchange.getRequestHeaders().getFirst("Content-Type"));
            byte[] reply = asQuery ? answer.apply(query) : "not a time-stamp query".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(asQuery ? httpStatus : 415, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        server.start();
        Files.write(dir.resolve("record.txt"), RECORD);
    }

    @AfterEach
    void stop() {
        released.countDown();
        server.stop(0);
    }

    private static TimestampAuthority authority(InstanceCa ca, Path keyDir) {
        KeyRequests.KeyRequest request = KeyRequests.create(Profile.TSA, Identity.node("hub-tsa", List.of(), List.of()),
                keyDir, PASSWORD);
        X509Certificate certificate = ca.issue(request.csr(), IssueRequest.of(Profile.TSA, Duration.ofDays(90)));
        KeyRequests.importChain(request.keystore(), List.of(certificate, ca.issuing()), PASSWORD);
        KeyStore store = Keystores.load(request.keystore(), PASSWORD);
        return new TimestampAuthority(Keystores.privateKey(store, PASSWORD), Keystores.chain(store));
    }

    private TimestampClient client(Duration timeout) {
        URI url = URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/tsa");
        return new TimestampClient(url, List.of(ca.root()), timeout);
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    @Test
    void aGoodTokenIsReturnedAndOpenSslVerifiesItAgainstTheRoot() throws Exception {
        byte[] digest = sha256(RECORD);

        TimeStampToken token = client(Duration.ofSeconds(10)).stamp(digest);

        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
        assertThat(token.getTimeStampInfo().getPolicy()).isEqualTo(TimestampAuthority.POLICY);
        OpenSsl.assumeAvailable();
        Files.write(dir.resolve("token.der"), token.getEncoded());
        OpenSsl.Result byData = OpenSsl.run(dir, "ts", "-verify", "-data", "record.txt", "-in", "token.der", "-token_in",
                "-CAfile", "ca/root-ca.pem");
        assertThat(byData.output()).contains("Verification: OK");
        OpenSsl.Result byDigest = OpenSsl.run(dir, "ts", "-verify", "-digest", HexFormat.of().formatHex(digest),
                "-in", "token.der", "-token_in", "-CAfile", "ca/root-ca.pem");
        assertThat(byDigest.output()).contains("Verification: OK");
        OpenSsl.Result otherData = OpenSsl.run(dir, "ts", "-verify", "-digest", HexFormat.of().formatHex(sha256(new byte[1])),
                "-in", "token.der", "-token_in", "-CAfile", "ca/root-ca.pem");
        assertThat(otherData.output()).doesNotContain("Verification: OK");
    }

    @Test
    void aTsaWhoseCertificateChainsToAnotherRootIsRefused() throws Exception {
        InstanceCa foreign = InstanceCa.init(dir.resolve("foreign-ca"), "XX", Duration.ofDays(365), PASSWORD, null);
        TimestampAuthority impostor = authority(foreign, dir.resolve("foreign-tsa"));
        answer = impostor::respond;

        assertThatThrownBy(() -> client(Duration.ofSeconds(10)).stamp(sha256(RECORD)))
                .isInstanceOf(TimestampException.class).hasMessageContaining("CN=hub-tsa")
                .hasMessageContaining("does not chain to a trusted anchor");
    }

    @Test
    void aServerAnsweringGarbageIsAClearError() {
        answer = query -> "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> client(Duration.ofSeconds(10)).stamp(sha256(RECORD)))
                .isInstanceOf(TimestampException.class)
                .hasMessageContaining("did not answer with an RFC 3161 time-stamp response");
    }

    @Test
    void aReplyWithAnotherNonceIsRefused() {
        // A tampering proxy: the real TSA signs, but for a query with another nonce.
        answer = query -> tsa.respond(rewritten(query, BigInteger.ONE, false));

        assertThatThrownBy(() -> client(Duration.ofSeconds(10)).stamp(sha256(RECORD)))
                .isInstanceOf(TimestampException.class).hasMessageContaining("answered with nonce")
                .hasMessageContaining("not the reply to this request");
    }

    @Test
    void aReplyForAnotherDigestIsRefused() {
        answer = query -> tsa.respond(rewritten(query, BigInteger.ZERO, true));

        assertThatThrownBy(() -> client(Duration.ofSeconds(10)).stamp(sha256(RECORD)))
                .isInstanceOf(TimestampException.class).hasMessageContaining("stamped another imprint");
    }

    @Test
    void aRefusalAndAnHttpErrorSayWhatTheTsaSaid() {
        answer = query -> tsa.respond("not a query".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> client(Duration.ofSeconds(10)).stamp(sha256(RECORD)))
                .isInstanceOf(TimestampException.class).hasMessageContaining("refused the request: status rejection (2)");

        answer = tsa::respond;
        httpStatus = 503;
        assertThatThrownBy(() -> client(Duration.ofSeconds(10)).stamp(sha256(RECORD)))
                .isInstanceOf(TimestampException.class).hasMessageContaining("answered HTTP 503");
    }

    @Test
    void aTsaThatDoesNotAnswerTimesOut() {
        answer = query -> {
            try {
                released.await(); // held until the test ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new byte[0];
        };

        assertThatThrownBy(() -> client(Duration.ofMillis(300)).stamp(sha256(RECORD)))
                .isInstanceOf(TimestampException.class).hasMessageContaining("no answer from the TSA");
    }

    /** The query with its nonce moved by {@code nonceDelta} and, if asked, another imprint. */
    private static byte[] rewritten(byte[] query, BigInteger nonceDelta, boolean otherDigest) {
        try {
            TimeStampRequest request = new TimeStampRequest(query);
            byte[] digest = request.getMessageImprintDigest().clone();
            if (otherDigest) {
                digest[0] ^= 1;
            }
            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(request.getCertReq());
            return generator.generate(TSPAlgorithms.SHA256, digest, request.getNonce().add(nonceDelta)).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
