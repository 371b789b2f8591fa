package ps.takamul.security.pki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * PKCS#12 keystores holding one private key and its chain under the alias {@value #ALIAS}.
 *
 * <p>The JDK's PKCS12 implementation is used (PBES2/AES-256, HMAC-SHA-256 on Java 17), so the
 * files open with keytool and openssl 3 as well.
 */
public final class Keystores {
    public static final String ALIAS = "key";

    private Keystores() {
    }

    public static void save(Path file, PrivateKey key, char[] password, X509Certificate... chain) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, password, chain);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            Files2.writeAtomically(file, out.toByteArray());
            Files2.restrictToOwner(file);
        } catch (GeneralSecurityException | IOException e) {
            throw new PkiException("cannot write keystore " + file + ": " + e.getMessage(), e);
        }
    }

    public static KeyStore load(Path file, char[] password) {
        if (!Files.isRegularFile(file)) {
            throw new PkiException("keystore " + file + " does not exist");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(Files2.readBytes(file)), password);
            return store;
        } catch (IOException e) {
            // The JDK reports a wrong password as an IOException wrapping UnrecoverableKeyException.
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new PkiException("wrong password for keystore " + file, e);
            }
            throw new PkiException("cannot read keystore " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new PkiException("cannot read keystore " + file + ": " + e.getMessage(), e);
        }
    }

    public static PrivateKey privateKey(KeyStore store, char[] password) {
        try {
            if (!(store.getKey(ALIAS, password) instanceof PrivateKey key)) {
                throw new PkiException("the keystore has no private key under alias '" + ALIAS + "'");
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new PkiException("cannot read the private key: " + e.getMessage(), e);
        }
    }

    public static X509Certificate[] chain(KeyStore store) {
        try {
            Certificate[] chain = store.getCertificateChain(ALIAS);
            if (chain == null || chain.length == 0) {
                throw new PkiException("the keystore has no certificate chain under alias '" + ALIAS + "'");
            }
            return Arrays.copyOf(chain, chain.length, X509Certificate[].class);
        } catch (GeneralSecurityException e) {
            throw new PkiException("cannot read the certificate chain: " + e.getMessage(), e);
        }
    }
}
