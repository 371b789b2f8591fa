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
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import ps.takamul.security.pki.Crypto;
import ps.takamul.security.pki.Identity;
import ps.takamul.security.sign.SigningKey;
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

    /**
     * Turns message signatures on in {@code settings}: the node holds {@code keystores} (member
     * signing keys, comma-separated) and trusts signers certified by {@code authority}.
     */
    public static void signatures(Map<String, String> settings, InstanceCa authority, Path dir, String keystores)
            throws IOException {
        Path root = dir.resolve("signers-root.pem");
        Path issuing = dir.resolve("signers-issuing.pem");
        ps.takamul.security.pki.Pem.write(root, authority.root());
        ps.takamul.security.pki.Pem.write(issuing, authority.issuing());
        settings.put("takamul.signatures.enabled", "true");
        settings.put("takamul.signing.keystores", keystores);
        settings.put("takamul.signing.password", new String(PASSWORD));
        settings.put("takamul.trust.anchors", root.toString());
        settings.put("takamul.trust.intermediates", issuing.toString());
    }

    /** The member-signing key in a keystore {@link #issue} wrote. */
    public static SigningKey signingKey(Path keystore) {
        KeyStore store = Keystores.load(keystore, PASSWORD);
        return new SigningKey(Keystores.privateKey(store, PASSWORD), List.of(Keystores.chain(store)));
    }

    /**
     * A certificate for {@code key} like {@code template} (same subject, extensions and issuer),
     * signed by the CA in {@code caDir} with the given validity: to make expired, not-yet-valid or
     * weak-key certificates the CA's own tools rightly refuse to issue.
     */
    public static X509Certificate reissue(Path caDir, X509Certificate template, PublicKey key,
                                          Instant notBefore, Instant notAfter) throws Exception {
        KeyStore issuing = Keystores.load(caDir.resolve(InstanceCa.ISSUING_KEYSTORE), PASSWORD);
        X509Certificate issuer = Keystores.chain(issuing)[0];
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                new BigInteger(64, new SecureRandom()), Date.from(notBefore), Date.from(notAfter),
                template.getSubjectX500Principal(), key);
        for (String oid : template.getCriticalExtensionOIDs()) {
            copy(builder, template, oid, true);
        }
        for (String oid : template.getNonCriticalExtensionOIDs()) {
            copy(builder, template, oid, false);
        }
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Crypto.bouncyCastle())
                .build(Keystores.privateKey(issuing, PASSWORD));
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static void copy(JcaX509v3CertificateBuilder builder, X509Certificate template, String oid, boolean critical)
            throws Exception {
        ASN1ObjectIdentifier id = new ASN1ObjectIdentifier(oid);
        if (id.equals(Extension.subjectKeyIdentifier)) {
            return; // names the template's key, not this one
        }
        builder.copyAndAddExtension(id, critical, new JcaX509CertificateHolder(template));
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
