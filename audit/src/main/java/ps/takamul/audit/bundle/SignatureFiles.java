package ps.takamul.audit.bundle;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.security.pki.Pem;

/**
 * The signature material an exchange record carries, as files an expert can hand straight to
 * their tools: the signed SOAP envelope as XML (for {@code xmlsec1 --verify}), the REST signers'
 * certificates as PEM. They are copies: the record's fields are what the leaf hash covers, and the
 * verifier checks each file against them.
 */
public final class SignatureFiles {
    /** The record's evidence fields (routes' ExchangeRecords) and the file each becomes. */
    static final Map<String, String> FIELDS = Map.of(
            "request.signedEnvelope", "request-envelope.xml",
            "request.certificate", "request-signer.pem",
            "response.certificate", "response-signer.pem");

    private SignatureFiles() {
    }

    /** The files for one record, by entry name (signatures/SEQ/...); fields that cannot be decoded give none. */
    public static Map<String, byte[]> of(long seq, AuditRecord record) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String field : new String[] {"request.signedEnvelope", "request.certificate", "response.certificate"}) {
            String value = record.evidence().get(field);
            if (value == null) {
                continue;
            }
            byte[] content = field.endsWith("signedEnvelope") ? base64(value) : pem(value);
            if (content != null) {
                files.put(BundleFormat.SIGNATURES + seq + "/" + FIELDS.get(field), content);
            }
        }
        return files;
    }

    private static byte[] base64(String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A certificate field is RFC 8941 byte sequence ({@code :base64 DER:}). */
    private static byte[] pem(String value) {
        String inner = value.startsWith(":") && value.endsWith(":") && value.length() > 1
                ? value.substring(1, value.length() - 1) : value;
        byte[] der = base64(inner);
        if (der == null) {
            return null;
        }
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            return Pem.encode(certificate).getBytes(StandardCharsets.US_ASCII);
        } catch (CertificateException | RuntimeException e) {
            return null;
        }
    }
}
