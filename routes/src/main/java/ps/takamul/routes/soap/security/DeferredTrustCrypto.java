package ps.takamul.routes.soap.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.regex.Pattern;
import javax.security.auth.callback.CallbackHandler;
import org.apache.wss4j.common.crypto.CryptoBase;
import org.apache.wss4j.common.crypto.CryptoType;
import org.apache.wss4j.common.ext.WSSecurityException;

/**
 * The Crypto WSS4J verifies requests with. It knows no certificate, so the signature can only
 * be checked against the BinarySecurityToken the request carries; and it lets a certificate chain
 * through WSS4J's trust step because the real judgement, {@code MessageTrust.checkSigner} (chain,
 * validity, usage, revocation, member binding), runs right after WSS4J, in the same interceptor,
 * on every request: see {@link RequestSignatureInterceptor}. Bare public keys (KeyValue) are refused.
 */
final class DeferredTrustCrypto extends CryptoBase {
    static final DeferredTrustCrypto INSTANCE = new DeferredTrustCrypto();

    @Override
    public X509Certificate[] getX509Certificates(CryptoType type) {
        return null;
    }

    @Override
    public String getX509Identifier(X509Certificate cert) {
        return null;
    }

    @Override
    public PrivateKey getPrivateKey(X509Certificate certificate, CallbackHandler callbackHandler) throws WSSecurityException {
        throw new WSSecurityException(WSSecurityException.ErrorCode.FAILURE);
    }

    @Override
    public PrivateKey getPrivateKey(PublicKey publicKey, CallbackHandler callbackHandler) throws WSSecurityException {
        throw new WSSecurityException(WSSecurityException.ErrorCode.FAILURE);
    }

    @Override
    public PrivateKey getPrivateKey(String identifier, String password) throws WSSecurityException {
        throw new WSSecurityException(WSSecurityException.ErrorCode.FAILURE);
    }

    @Override
    public void verifyTrust(X509Certificate[] certs, boolean enableRevocation, Collection<Pattern> subjectCertConstraints,
                            Collection<Pattern> issuerCertConstraints) {
        // deferred to MessageTrust.checkSigner, see the class comment
    }

    @Override
    public void verifyTrust(PublicKey publicKey) throws WSSecurityException {
        throw new WSSecurityException(WSSecurityException.ErrorCode.FAILED_AUTHENTICATION);
    }
}
