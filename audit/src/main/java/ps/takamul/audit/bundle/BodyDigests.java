package ps.takamul.audit.bundle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/** A record's body digests, in RFC 9530's form as in Content-Digest: {@code sha-256=:BASE64:}. */
public final class BodyDigests {
    private static final String PREFIX = "sha-256=:";

    private BodyDigests() {
    }

    /** The 32 SHA-256 bytes a digest names; empty for null or anything not in that form. */
    public static Optional<byte[]> sha256(String digest) {
        if (digest == null || !digest.startsWith(PREFIX) || !digest.endsWith(":") || digest.length() <= PREFIX.length()) {
            return Optional.empty();
        }
        try {
            byte[] hash = Base64.getDecoder().decode(digest.substring(PREFIX.length(), digest.length() - 1));
            return hash.length == 32 ? Optional.of(hash) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The digest a record names for this body. */
    public static String of(byte[] body) {
        return PREFIX + Base64.getEncoder().encodeToString(sha256Of(body)) + ":";
    }

    public static byte[] sha256Of(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
