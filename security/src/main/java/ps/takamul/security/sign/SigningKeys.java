package ps.takamul.security.sign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.security.auth.login.LoginException;
import ps.takamul.security.httpsig.SignatureAlgorithm;
import ps.takamul.security.httpsig.SignatureException;
import ps.takamul.security.pki.Keystores;
import ps.takamul.security.pki.MemberBinding;
import ps.takamul.security.pki.PkiException;

/**
 * Loads a member's message-signing keys from a PKCS#12 file or a PKCS#11 token.
 *
 * <p>Every private-key entry whose certificate is a member-signing certificate (one
 * {@code urn:takamul:member:} binding, see {@link MemberBinding#memberOf}) becomes a
 * {@link SigningKey}; other entries (TLS keys, trusted certificates) are ignored. Each key is
 * checked once by signing a probe and verifying it with its certificate, so a key that does not
 * match its certificate, or a token that will not sign, is found at start rather than on the first
 * message. Failures are {@link PkiException}s whose message names the store and the entry.
 */
public final class SigningKeys {
    private static final byte[] PROBE = "takamul signing-key self-test".getBytes(StandardCharsets.US_ASCII);

    private SigningKeys() {
    }

    /** The member-signing keys in a PKCS#12 file; key entries share the file's password. */
    public static List<SigningKey> fromPkcs12(Path file, char[] password) {
        KeyStore store = Keystores.load(file, password);
        return memberKeys(store, password, "keystore " + file);
    }

    /**
     * The member-signing keys on a PKCS#11 token, through the JDK's SunPKCS11 provider configured
     * by {@code sunPkcs11Config} (see docs/security.md). The private keys stay on the token:
     * they have no encoding, and {@link SignatureAlgorithm} signs with them through this provider.
     *
     * <p>The provider is installed in the JVM ({@link Security#addProvider}) because that is how JCA
     * finds the provider holding a key that has no encoding. Its name is {@code SunPKCS11-<name>}
     * from the config; loading the same config again reuses the installed provider, and a different
     * library under a name already taken is refused.
     */
    public static List<SigningKey> fromPkcs11(Path sunPkcs11Config, char[] pin) {
        Provider provider = tokenProvider(sunPkcs11Config);
        String where = "PKCS#11 token " + provider.getName() + " (" + sunPkcs11Config + ")";
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
        } catch (IOException e) {
            if (causes(e, LoginException.class)) {
                throw new PkiException("cannot log in to " + where + ": wrong PIN, or the PIN is locked ("
                        + rootMessage(e) + ")", e);
            }
            throw new PkiException("cannot open " + where + ": " + rootMessage(e), e);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new PkiException("cannot open " + where + ": " + rootMessage(e), e);
        }
        // Token keystores ignore per-entry passwords.
        return memberKeys(store, null, where);
    }

    private static List<SigningKey> memberKeys(KeyStore store, char[] password, String where) {
        List<SigningKey> keys = new ArrayList<>();
        try {
            List<String> aliases = Collections.list(store.aliases());
            Collections.sort(aliases);
            for (String alias : aliases) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                List<X509Certificate> chain = x509Chain(store.getCertificateChain(alias));
                if (chain.isEmpty() || !isMemberSigning(chain.get(0))) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                if (key instanceof PrivateKey privateKey) {
                    keys.add(checked(new SigningKey(privateKey, chain), alias, where));
                }
            }
        } catch (GeneralSecurityException | ProviderException e) {
            throw new PkiException("cannot read the keys in " + where + ": " + rootMessage(e), e);
        }
        return List.copyOf(keys);
    }

    private static boolean isMemberSigning(X509Certificate certificate) {
        try {
            MemberBinding.memberOf(certificate);
            return true;
        } catch (PkiException notAMemberCertificate) {
            return false;
        }
    }

    /** Refuses a key that cannot sign messages or does not belong to its certificate. */
    private static SigningKey checked(SigningKey key, String alias, String where) {
        String entry = "entry '" + alias + "' in " + where + " (member " + key.member() + ")";
        SignatureAlgorithm algorithm;
        try {
            algorithm = key.algorithm();
        } catch (SignatureException e) {
            throw new PkiException(entry + " cannot sign messages: " + e.getMessage(), e);
        }
        byte[] signature;
        try {
            signature = key.sign(PROBE);
        } catch (SignatureException | ProviderException e) {
            throw new PkiException(entry + " cannot sign: " + rootMessage(e), e);
        }
        if (!algorithm.verify(key.certificate().getPublicKey(), PROBE, signature)) {
            throw new PkiException(entry + ": the private key does not match its certificate");
        }
        return key;
    }

    private static List<X509Certificate> x509Chain(Certificate[] chain) {
        if (chain == null || chain.length == 0 || !Arrays.stream(chain).allMatch(X509Certificate.class::isInstance)) {
            return List.of();
        }
        return Arrays.stream(chain).map(X509Certificate.class::cast).toList();
    }

    private static synchronized Provider tokenProvider(Path config) {
        if (!Files.isRegularFile(config)) {
            throw new PkiException("PKCS#11 configuration " + config + " does not exist");
        }
        Provider sunPkcs11 = Security.getProvider("SunPKCS11");
        if (sunPkcs11 == null) {
            throw new PkiException("this JVM has no SunPKCS11 provider (module jdk.crypto.cryptoki)");
        }
        Provider configured;
        try {
            configured = sunPkcs11.configure(config.toString());
        } catch (RuntimeException e) {
            throw new PkiException("cannot load the PKCS#11 library or slot configured in " + config + ": "
                    + rootMessage(e), e);
        }
        Provider installed = Security.getProvider(configured.getName());
        if (installed == null) {
            Security.addProvider(configured);
            return configured;
        }
        if (!installed.getInfo().equals(configured.getInfo())) {
            throw new PkiException("a PKCS#11 provider named " + configured.getName() + " is already installed ("
                    + installed.getInfo() + "); give " + config + " another name");
        }
        return installed;
    }

    private static boolean causes(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null && !message.toString().contains(t.getMessage())) {
                message.append(": ").append(t.getMessage());
            }
        }
        return message.toString();
    }
}
