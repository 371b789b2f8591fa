package ps.takamul.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.audit.store.Checkpoint;
import ps.takamul.security.pki.Crypto;
import ps.takamul.security.tsa.TimestampClient;

/**
 * Checkpoints signed with a real key over the note, time-stamped by a real RFC 3161 authority
 * (in-process and over HTTP), each checked with plain JCA and Bouncy Castle, not with the code
 * under test.
 */
class SignedCheckpointsTest {
    @TempDir
    static Path dir;
    static TestAuthorities authorities;
    static final byte[] ROOT = new byte[32];

    @BeforeAll
    static void keys() {
        authorities = TestAuthorities.create(dir);
        for (int i = 0; i < ROOT.length; i++) {
            ROOT[i] = (byte) i;
        }
    }

    @Test
    void theNoteIsFiveLinesOfText() {
        Checkpoint c = new Checkpoint(2000, ROOT, Instant.parse("2026-11-22T10:15:30.123456Z"), null, null);
        assertThat(new String(CheckpointNote.bytes("node-غزة-1", c), StandardCharsets.UTF_8)).isEqualTo("""
                takamul-audit/v1
                origin node-غزة-1
                size 2000
                root AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=
                time 2026-11-22T10:15:30.123Z
                """);
        assertThat(CheckpointNote.time(Instant.parse("2026-11-22T10:15:30Z"))).isEqualTo("2026-11-22T10:15:30.000Z");
        assertThatThrownBy(() -> CheckpointNote.bytes("two\nlines", c)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signsTheNoteAndTimestampsTheSignature() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        Checkpoint c = authorities.checkpoints("test-node").make(1500, ROOT, Instant.parse("2026-11-22T10:15:30.123987Z"));
        assertThat(c.at()).isEqualTo(Instant.parse("2026-11-22T10:15:30.123Z"));
        assertThat(c.treeSize()).isEqualTo(1500);

        Signature jca = Signature.getInstance("SHA256withECDSA");
        jca.initVerify(authorities.checkpointChain.get(0).getPublicKey());
        jca.update(("takamul-audit/v1\norigin test-node\nsize 1500\nroot " + Base64.getEncoder().encodeToString(ROOT)
                + "\ntime 2026-11-22T10:15:30.123Z\n").getBytes(StandardCharsets.UTF_8));
        assertThat(jca.verify(c.signature())).isTrue();

        TimeStampToken token = new TimeStampToken(new CMSSignedData(c.timestampToken()));
        assertThat(token.getTimeStampInfo().getMessageImprintAlgOID()).isEqualTo(TSPAlgorithms.SHA256);
        assertThat(token.getTimeStampInfo().getMessageImprintDigest())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(c.signature()));
        X509Certificate tsa = authorities.tsaChain.get(0);
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Crypto.bouncyCastle()).build(tsa));
        assertThat(token.getTimeStampInfo().getGenTime().toInstant()).isBetween(before, Instant.now().plusSeconds(1));
    }

    @Test
    void rsaAndEd25519KeysSignWithTheirOwnScheme() throws Exception {
        for (String algorithm : List.of("RSA", "Ed25519")) {
            KeyPair key = TestAuthorities.keyPair(algorithm);
            X509Certificate certificate = TestAuthorities.selfSigned("CN=audit " + algorithm, key);
            Checkpoint c = new SignedCheckpoints("n", key.getPrivate(), List.of(certificate), null)
                    .make(7, ROOT, Instant.parse("2026-01-01T00:00:00Z"));
            Signature jca = Signature.getInstance(algorithm.equals("RSA") ? "SHA256withRSA" : "Ed25519", Crypto.bouncyCastle());
            jca.initVerify(certificate.getPublicKey());
            jca.update(CheckpointNote.bytes("n", c));
            assertThat(jca.verify(c.signature())).as(algorithm).isTrue();
            assertThat(c.timestampToken()).isEmpty();
        }
    }

    @Test
    void aTsaThatFailsLeavesTheCheckpointSignedButWithoutToken() {
        SignedCheckpoints maker = new SignedCheckpoints("n", authorities.checkpointKey, authorities.checkpointChain,
                digest -> {
                    throw new IllegalStateException("TSA down");
                });
        Checkpoint c = maker.make(3, ROOT, Instant.now());
        assertThat(c.signature()).isNotEmpty();
        assertThat(c.timestampToken()).isEmpty();
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefused() {
        X509Certificate other = TestAuthorities.selfSigned("CN=someone else", TestAuthorities.ecKeyPair());
        assertThatThrownBy(() -> new SignedCheckpoints("n", authorities.checkpointKey, List.of(other), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CN=someone else");
    }

    @Test
    void timestampsOverHttpAreCheckedByTheClient() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", exchange -> {
            byte[] reply = authorities.tsa.respond(exchange.getRequestBody().readAllBytes());
            exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
        try {
            TimestampClient client = new TimestampClient(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa"),
                    List.of(authorities.instanceRoot), Duration.ofSeconds(5));
            SignedCheckpoints maker = new SignedCheckpoints("n", authorities.checkpointKey, authorities.checkpointChain,
                    TimestampSources.http(client));
            Checkpoint c = maker.make(9, ROOT, Instant.now());
            TimeStampToken token = new TimeStampToken(new CMSSignedData(c.timestampToken()));
            assertThat(token.getTimeStampInfo().getMessageImprintDigest())
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(c.signature()));
        } finally {
            server.stop(0);
        }
    }
}
