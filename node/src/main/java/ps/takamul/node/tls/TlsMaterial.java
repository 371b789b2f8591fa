package ps.takamul.node.tls;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CRL;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import ps.takamul.security.pki.Keystores;
import ps.takamul.security.pki.Pem;

/**
 * The node's key and the trust anchors for client certificates, loaded once and shared by the
 * REST and SOAP listeners of the secure profile. With a CRL (as {@code takamul-pki ca crl}
 * publishes it), a revoked client certificate fails the handshake.
 */
public record TlsMaterial(KeyManagerFactory keys, TrustManagerFactory trust) {

    /**
     * @param crl the issuing CA's CRL (PEM or DER), or null to check no revocation
     */
    public static TlsMaterial load(Path keystore, char[] password, Path trustedCas, Path crl) throws Exception {
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
        PKIXBuilderParameters pkix = new PKIXBuilderParameters(anchors, new X509CertSelector());
        pkix.setRevocationEnabled(false);
        if (crl != null) {
            pkix.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(readCrls(crl))));
            PKIXRevocationChecker revocation = (PKIXRevocationChecker) CertPathValidator.getInstance("PKIX").getRevocationChecker();
            // The client's own certificate, against the CRL only: the issuing CA's own status
            // comes from the offline root and is not published to nodes.
            revocation.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                    PKIXRevocationChecker.Option.NO_FALLBACK, PKIXRevocationChecker.Option.ONLY_END_ENTITY));
            pkix.addCertPathChecker(revocation);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(new CertPathTrustManagerParameters(pkix));
        return new TlsMaterial(keys, trust);
    }

    private static Collection<? extends CRL> readCrls(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends CRL> crls = CertificateFactory.getInstance("X.509").generateCRLs(in);
            if (crls.isEmpty()) {
                throw new IllegalStateException(file + " holds no CRL");
            }
            return crls;
        }
    }
}
