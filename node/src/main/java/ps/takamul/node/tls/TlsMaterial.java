package ps.takamul.node.tls;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import ps.takamul.security.pki.Keystores;
import ps.takamul.security.pki.Pem;

/**
 * The node's key and the trust anchors for client certificates, loaded once and shared by the
 * REST and SOAP listeners of the secure profile.
 */
public record TlsMaterial(KeyManagerFactory keys, TrustManagerFactory trust) {

    public static TlsMaterial load(Path keystore, char[] password, Path trustedCas) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(Keystores.load(keystore, password), password);
        List<X509Certificate> cas = Pem.readCertificates(trustedCas);
        if (cas.isEmpty()) {
            throw new IllegalStateException(trustedCas + " holds no CA certificate");
        }
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        for (int i = 0; i < cas.size(); i++) {
            anchors.setCertificateEntry("ca-" + i, cas.get(i));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        return new TlsMaterial(keys, trust);
    }
}
