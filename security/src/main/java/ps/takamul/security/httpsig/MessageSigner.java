package ps.takamul.security.httpsig;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;
import ps.takamul.security.pki.Crypto;
import ps.takamul.security.sign.SigningKey;

/**
 * Signs an HTTP message the way Takamul does: RFC 9421 over the given components, with
 * {@code created}, {@code expires}, the key id (the certificate's thumbprint) and {@code alg},
 * and the signer's certificate in {@link #SIGNER_CERTIFICATE} so a verifier needs no directory.
 * The key id is covered by the signature and names that certificate, which binds the two.
 */
public final class MessageSigner {
    /** The signer's certificate, DER as an RFC 8941 byte sequence: {@code :base64:}. */
    public static final String SIGNER_CERTIFICATE = "Takamul-Signer-Certificate";

    /** The three fields a signed message carries besides Content-Digest. */
    /**
     * A signature made: its two fields, the signer's certificate field, and the signature base
     * it was made over (kept as evidence: with the certificate, anyone can check it later).
     */
    public record Signed(String signatureInput, String signature, String certificate, byte[] base) {
    }

    private static final int MAX_PARSED = 1024;
    private static final java.util.Map<String, X509Certificate> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    private MessageSigner() {
    }

    /**
     * @param components the covered components in order, by RFC 9421 name, with their values
     *                   ({@code content-digest} among them when the message has a body)
     */
    public static Signed sign(SigningKey key, Map<String, String> components, Instant created, Duration validity) {
        long createdSeconds = created.getEpochSecond();
        SignatureParameters parameters = new SignatureParameters(new ArrayList<>(components.keySet()), createdSeconds,
                createdSeconds + validity.toSeconds(), key.keyId(), key.algorithm().registryName());
        String serialized = parameters.serialize();
        byte[] base = SignatureBase.of(components, parameters, serialized);
        byte[] value = key.sign(base);
        return new Signed(SignatureFields.LABEL + "=" + serialized, SignatureFields.signature(value), key.certificateField(), base);
    }

    public static String certificateField(X509Certificate certificate) {
        try {
            return ":" + Base64.getEncoder().encodeToString(certificate.getEncoded()) + ":";
        } catch (CertificateEncodingException e) {
            throw new SignatureException("cannot encode the signer certificate", e);
        }
    }

    /**
     * The certificate in a {@link #SIGNER_CERTIFICATE} field. Parsed by Bouncy Castle, so its key
     * verifies without conversion, and kept: the same few member certificates arrive with every
     * message, and a reused key object keeps Bouncy Castle's precomputed tables for its curve
     * point. Bounded; cleared when full.
     */
    public static X509Certificate certificateOf(String field) {
        String f = field == null ? "" : field.strip();
        X509Certificate known = PARSED.get(f);
        if (known != null) {
            return known;
        }
        X509Certificate parsed = parse(f);
        if (PARSED.size() >= MAX_PARSED) {
            PARSED.clear();
        }
        PARSED.put(f, parsed);
        return parsed;
    }

    private static X509Certificate parse(String f) {
        if (f.length() < 3 || f.charAt(0) != ':' || f.charAt(f.length() - 1) != ':') {
            throw new SignatureException(SIGNER_CERTIFICATE + " must be a byte sequence :base64(DER):");
        }
        try {
            byte[] der = Base64.getDecoder().decode(f.substring(1, f.length() - 1));
            return (X509Certificate) CertificateFactory.getInstance("X.509", Crypto.bouncyCastle())
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException e) {
            throw new SignatureException(SIGNER_CERTIFICATE + " is not a DER certificate");
        }
    }
}
