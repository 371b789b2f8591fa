package ps.takamul.routes.soap.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.security.auth.callback.CallbackHandler;
import org.apache.wss4j.common.crypto.CryptoBase;
import org.apache.wss4j.common.crypto.CryptoType;
import org.apache.wss4j.common.ext.WSSecurityException;
import ps.takamul.security.sign.SigningKey;

/**
 * WSS4J's view of the node's member-signing keys: the alias is a member id
 * ({@code PS/GOV/MOI}) and the key is looked up per message, so one Crypto serves every member
 * the node signs for, with no keystore file. It signs only: it finds no certificate by issuer,
 * serial or key identifier, so a request can only be verified against the certificate it carries
 * as a BinarySecurityToken, and it trusts nothing ({@link #verifyTrust}), so WSS4J cannot accept a
 * signer on its own authority.
 */
public final class SigningKeyCrypto extends CryptoBase {
    private final Function<String, SigningKey> keys;

    /** @param keys the key for an alias, or null when the node holds none */
    public SigningKeyCrypto(Function<String, SigningKey> keys) {
        this.keys = keys;
    }

    /** A Crypto holding one key, under the alias of its member. */
    public static SigningKeyCrypto of(SigningKey key) {
        String alias = key.member().toString();
        return new SigningKeyCrypto(a -> alias.equals(a) ? key : null);
    }

    @Override
    public X509Certificate[] getX509Certificates(CryptoType type) throws WSSecurityException {
        if (type == null || type.getType() != CryptoType.TYPE.ALIAS || type.getAlias() == null) {
            return null;
        }
        SigningKey key = keys.apply(type.getAlias());
        return key == null ? null : key.chain().toArray(X509Certificate[]::new);
    }

    @Override
    public String getX509Identifier(X509Certificate cert) {
        return null;
    }

    @Override
    public PrivateKey getPrivateKey(X509Certificate certificate, CallbackHandler callbackHandler) throws WSSecurityException {
        throw new WSSecurityException(WSSecurityException.ErrorCode.FAILURE, "noPrivateKey",
                new Object[] {"keys are chosen by member alias only"});
    }

    @Override
    public PrivateKey getPrivateKey(PublicKey publicKey, CallbackHandler callbackHandler) throws WSSecurityException {
        throw new WSSecurityException(WSSecurityException.ErrorCode.FAILURE, "noPrivateKey",
                new Object[] {"keys are chosen by member alias only"});
    }

    @Override
    public PrivateKey getPrivateKey(String identifier, String password) throws WSSecurityException {
        SigningKey key = identifier == null ? null : keys.apply(identifier);
        if (key == null) {
            throw new WSSecurityException(WSSecurityException.ErrorCode.FAILURE, "noPrivateKey",
                    new Object[] {"no signing key for " + identifier});
        }
        return key.privateKey();
    }

    /**
     * Never trusts: signer certificates are judged by {@code MessageTrust.checkSigner}, which the
     * ingress runs on every verified request. Used for signing, this method is never called.
     */
    @Override
    public void verifyTrust(X509Certificate[] certs, boolean enableRevocation, Collection<Pattern> subjectCertConstraints,
                            Collection<Pattern> issuerCertConstraints) throws WSSecurityException {
        throw new WSSecurityException(WSSecurityException.ErrorCode.FAILURE, "certpath",
                new Object[] {"this Crypto signs only: " + Arrays.toString(certs)});
    }

    @Override
    public void verifyTrust(PublicKey publicKey) throws WSSecurityException {
        throw new WSSecurityException(WSSecurityException.ErrorCode.FAILURE, "certpath",
                new Object[] {"bare public keys are not accepted"});
    }
}
