package ps.takamul.security.httpsig;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The {@code Content-Digest} field of RFC 9530, with SHA-256: {@code sha-256=:<base64>:}. A
 * signature covers this field rather than the body, so the body is hashed once.
 */
public final class ContentDigest {
    private static final String PREFIX = "sha-256=:";

    private ContentDigest() {
    }

    public static String of(byte[] body) {
        return PREFIX + Base64.getEncoder().encodeToString(sha256(body)) + ":";
    }

    /** Whether the field names a SHA-256 digest and it matches the body, compared in constant time. */
    public static boolean matches(String field, byte[] body) {
        if (field == null) {
            return false;
        }
        for (String member : field.split(",")) {
            String m = member.strip();
            if (m.startsWith(PREFIX) && m.endsWith(":") && m.length() > PREFIX.length() + 1) {
                byte[] claimed;
                try {
                    claimed = Base64.getDecoder().decode(m.substring(PREFIX.length(), m.length() - 1));
                } catch (IllegalArgumentException e) {
                    return false;
                }
                return MessageDigest.isEqual(claimed, sha256(body));
            }
        }
        return false;
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
