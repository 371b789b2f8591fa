package ps.takamul.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.node.support.Http;
import ps.takamul.node.support.TestNodes;
import ps.takamul.node.support.TestPki;
import ps.takamul.security.pki.Identity;
import ps.takamul.security.pki.InstanceCa;
import ps.takamul.security.pki.Keystores;
import ps.takamul.security.pki.Profile;

/** The hub's RFC 3161 time-stamping service over HTTP, as an RFC 3161 client uses it. */
class TimestampServiceTest {
    @TempDir
    Path dir;

    @Test
    void aQueryIsAnsweredWithATokenOverItsDigest() throws Exception {
        InstanceCa ca = InstanceCa.init(dir.resolve("ca"), "PS", Duration.ofDays(30), TestPki.PASSWORD, null);
        Path tsaKeys = TestPki.issue(ca, Profile.TSA, Identity.node("hub-tsa", List.of(), List.of()), dir.resolve("tsa"));
        X509Certificate tsaCertificate = Keystores.chain(Keystores.load(tsaKeys, TestPki.PASSWORD))[0];
        Map<String, String> settings = TestNodes.settings(dir, TestNodes.catalogue(dir), "http://127.0.0.1:1",
                "http://127.0.0.1:1/x", "http://127.0.0.1:1/x");
        settings.put("takamul.tsa.keystore", tsaKeys.toString());
        settings.put("takamul.tsa.password", new String(TestPki.PASSWORD));
        try (TakamulNode node = TestNodes.start(settings)) {
            String url = node.restBaseUrl().replace("/r1", "/tsa");
            byte[] digest = MessageDigest.getInstance("SHA-256").digest("سجل".getBytes(StandardCharsets.UTF_8));
            TimeStampRequestGenerator queries = new TimeStampRequestGenerator();
            queries.setCertReq(true);
            TimeStampRequest query = queries.generate(TSPAlgorithms.SHA256, digest, BigInteger.valueOf(42));

            HttpResponse<byte[]> response = Http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(query.getEncoded())));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/timestamp-reply");
            TimeStampResponse reply = new TimeStampResponse(response.body());
            reply.validate(query);
            assertThat(reply.getStatus()).isZero();
            reply.getTimeStampToken().validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsaCertificate));
            assertThat(reply.getTimeStampToken().getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);

            HttpResponse<byte[]> garbage = Http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofString("nonsense")));
            assertThat(new TimeStampResponse(garbage.body()).getStatus()).isEqualTo(2);
        }
    }
}
