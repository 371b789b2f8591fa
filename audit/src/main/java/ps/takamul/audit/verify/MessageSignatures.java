package ps.takamul.audit.verify;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.security.httpsig.MessageSigner;
import ps.takamul.security.httpsig.SignatureAlgorithm;
import ps.takamul.security.httpsig.SignatureFields;

/**
 * Checks, offline, the RFC 9421 signatures an evidence package carries: the request's (the
 * client's member's, or the node's on its behalf) and the answer's (the provider's member's).
 * Each is verified over the signature base the node kept, with the signer certificate it kept;
 * the base's {@code content-digest} must then be the digest the audit record holds, so the
 * signature binds the signer to the very body the log describes.
 */
final class MessageSignatures {
    private MessageSignatures() {
    }

    static void check(long seq, AuditRecord record, Findings findings) {
        check(seq, record, "request", record.requestDigest(), findings);
        check(seq, record, "response", record.responseDigest(), findings);
    }

    private static void check(long seq, AuditRecord record, String which, String digest, Findings findings) {
        String base = record.evidence().get(which + ".signatureBase");
        String input = record.evidence().get(which + ".signatureInput");
        String signature = record.evidence().get(which + ".signature");
        String certificate = record.evidence().get(which + ".certificate");
        if (base == null || input == null || signature == null || certificate == null) {
            return;
        }
        String subject = "record " + seq + ": " + which + " signature";
        try {
            X509Certificate signer = MessageSigner.certificateOf(certificate);
            byte[] value = SignatureFields.parse(input, signature).signature();
            byte[] bytes = base.getBytes(StandardCharsets.UTF_8);
            if (!SignatureAlgorithm.of(signer.getPublicKey()).verify(signer.getPublicKey(), bytes, value)) {
                findings.problem(subject + " does not verify over its signature base with "
                        + signer.getSubjectX500Principal().getName());
                return;
            }
            if (digest != null && !java.util.List.of(base.split("\n")).contains("\"content-digest\": " + digest)) {
                findings.problem(subject + " covers a content-digest other than the record's " + which + "Digest");
                return;
            }
            findings.note(subject + " verified over its signature base (" + signer.getSubjectX500Principal().getName() + ")");
        } catch (RuntimeException e) {
            findings.problem(subject + " cannot be read: " + e.getMessage());
        }
    }
}
