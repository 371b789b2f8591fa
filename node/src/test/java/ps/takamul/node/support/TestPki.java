package ps.takamul.node.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import ps.takamul.security.pki.Identity;
import ps.takamul.security.pki.InstanceCa;
import ps.takamul.security.pki.IssueRequest;
import ps.takamul.security.pki.KeyRequests;
import ps.takamul.security.pki.Keystores;
import ps.takamul.security.pki.Profile;

/** Keys and TLS clients for the secure-profile tests, made with the instance PKI at run time. */
public final class TestPki {
    public static final char[] PASSWORD = "test-only-password".toCharArray();

    private TestPki() {
    }

    /** A new key in {@code out}, its certificate issued by the CA and imported with the chain. */
    public static Path issue(InstanceCa authority, Profile profile, Identity identity, Path out) throws IOException {
        Files.createDirectories(out);
        KeyRequests.KeyRequest request = KeyRequests.create(profile, identity, out, PASSWORD);
        X509Certificate certificate = authority.issue(request.csr(), IssueRequest.of(profile, Duration.ofDays(10)));
        KeyRequests.importChain(request.keystore(), List.of(certificate, authority.issuing()), PASSWORD);
        return request.keystore();
    }

    /** An HTTPS client trusting {@code root}, presenting the key in {@code keystore} (or none). */
    public static HttpClient client(Path keystore, X509Certificate root) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keystore == null ? null : Keystores.load(keystore, PASSWORD), PASSWORD);
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("root", root);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keystore == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** POSTs a short Arabic text to {@code url} as {@code caller}. */
    public static HttpResponse<String> post(HttpClient client, String url, String caller) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("X-Road-Client", caller)
                        .header("Content-Type", "text/plain; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString("سلام", StandardCharsets.UTF_8))
                        .timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
