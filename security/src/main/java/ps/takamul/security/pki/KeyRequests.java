package ps.takamul.security.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The member's or node's side of the PKI: a new key with its CSR, then the issued chain imported
 * next to the key. The private key is created inside the keystore file and never leaves it.
 */
public final class KeyRequests {

    /** The files written for one key: the PKCS#12 keystore and the CSR to send to the CA. */
    public record KeyRequest(Path keystore, Path csrFile, PKCS10CertificationRequest csr) {
    }

    private KeyRequests() {
    }

    /**
     * Writes {@code <profile>.p12} and {@code <profile>.csr.pem} into {@code outDir}. Until the
     * issued chain is imported the keystore holds a self-signed placeholder certificate, because a
     * PKCS#12 key entry needs one; nothing should trust it.
     */
    public static KeyRequest create(Profile profile, Identity identity, Path outDir, char[] password) {
        identity.requireFits(profile);
        Path keystore = outDir.resolve(profile.label() + ".p12");
        Path csrFile = outDir.resolve(profile.label() + ".csr.pem");
        if (Files.exists(keystore)) {
            throw new PkiException(keystore + " already exists; refusing to overwrite a key");
        }
        KeyPair key = Crypto.newKeyPair();
        PKCS10CertificationRequest csr = csr(identity, key);
        Keystores.save(keystore, key.getPrivate(), password, placeholder(identity, key));
        Pem.write(csrFile, csr);
        return new KeyRequest(keystore, csrFile, csr);
    }

    /**
     * Puts the issued chain (leaf first, then the issuing CA, optionally the root) in place of the
     * placeholder. Refuses a chain whose leaf is for another key or whose links do not verify.
     */
    public static X509Certificate importChain(Path keystore, List<X509Certificate> chain, char[] password) {
        KeyStore store = Keystores.load(keystore, password);
        PrivateKey key = Keystores.privateKey(store, password);
        X509Certificate current = Keystores.chain(store)[0];
        X509Certificate leaf = chain.get(0);
        if (!Arrays.equals(leaf.getPublicKey().getEncoded(), current.getPublicKey().getEncoded())) {
            throw new PkiException("the certificate " + leaf.getSubjectX500Principal()
                    + " is for another key than the one in " + keystore);
        }
        for (int i = 0; i + 1 < chain.size(); i++) {
            verifyLink(chain.get(i), chain.get(i + 1));
        }
        Keystores.save(keystore, key, password, chain.toArray(X509Certificate[]::new));
        return leaf;
    }

    private static void verifyLink(X509Certificate child, X509Certificate parent) {
        try {
            child.verify(parent.getPublicKey(), Crypto.BC);
        } catch (GeneralSecurityException e) {
            throw new PkiException("the chain is broken: " + child.getSubjectX500Principal()
                    + " is not signed by " + parent.getSubjectX500Principal(), e);
        }
    }

    private static PKCS10CertificationRequest csr(Identity identity, KeyPair key) {
        JcaPKCS10CertificationRequestBuilder builder =
                new JcaPKCS10CertificationRequestBuilder(identity.subject(), key.getPublic());
        GeneralNames names = identity.subjectAltNames();
        if (names != null) {
            try {
                ExtensionsGenerator extensions = new ExtensionsGenerator();
                extensions.addExtension(Extension.subjectAlternativeName, false, names);
                builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
            } catch (IOException e) {
                throw new PkiException("cannot encode the requested names", e);
            }
        }
        return builder.build(Crypto.signer(key.getPrivate()));
    }

    private static X509Certificate placeholder(Identity identity, KeyPair key) {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(identity.subject(), Crypto.randomSerial(),
                java.util.Date.from(now), java.util.Date.from(now.plus(Duration.ofDays(1))), identity.subject(),
                key.getPublic());
        return Crypto.toX509(builder.build(Crypto.signer(key.getPrivate())));
    }
}
