package ps.takamul.node.audit.auditors;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import ps.takamul.routes.auditor.AuditorRole;

/**
 * One line of the auditors file: {@code name=role:pbkdf2-sha256:iterations:salt:hash}, salt and
 * hash in base64. The password itself is never stored: PBKDF2 with HMAC-SHA256 (the JDK's own),
 * a 16-byte random salt and a 32-byte hash, compared in constant time.
 *
 * @param name       the user name (letters, digits, {@code . _ @ -}; Arabic letters too)
 * @param role       what the user may read
 * @param iterations PBKDF2's iteration count, kept per user so it can be raised for new passwords
 * @param salt       the salt
 * @param hash       PBKDF2(password, salt, iterations)
 */
record AuditorEntry(String name, AuditorRole role, int iterations, byte[] salt, byte[] hash) {
    static final String SCHEME = "pbkdf2-sha256";
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,64}");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** A new entry for a password: a fresh salt, the hash at {@code iterations}. */
    static AuditorEntry create(String name, AuditorRole role, char[] password, int iterations) {
        if (!validName(name)) {
            throw new IllegalArgumentException("a user name is 1 to 64 letters, digits or . _ @ -, not '" + name + "'");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new AuditorEntry(name, role, iterations, salt, derive(password, salt, iterations, HASH_BYTES));
    }

    /** Reads the value of a line of the file; the message names the problem, never the hash. */
    static AuditorEntry parse(String name, String value) {
        String[] p = value.trim().split(":");
        if (!validName(name) || p.length != 5 || !p[1].equals(SCHEME)) {
            throw new IllegalArgumentException("user '" + name + "': expected role:" + SCHEME + ":iterations:salt:hash");
        }
        try {
            int iterations = Integer.parseInt(p[2]);
            byte[] salt = Base64.getDecoder().decode(p[3]);
            byte[] hash = Base64.getDecoder().decode(p[4]);
            if (iterations < 1 || salt.length < 8 || hash.length < 16) {
                throw new IllegalArgumentException("too weak");
            }
            return new AuditorEntry(name, AuditorRole.parse(p[0]), iterations, salt, hash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("user '" + name + "': " + e.getMessage(), e);
        }
    }

    String value() {
        Base64.Encoder b64 = Base64.getEncoder();
        return role.token() + ":" + SCHEME + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    }

    boolean matches(String password) {
        return MessageDigest.isEqual(hash, derive(password.toCharArray(), salt, iterations, hash.length));
    }

    static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** A random password for a generated user: 24 characters of base64url (144 bits). */
    static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
