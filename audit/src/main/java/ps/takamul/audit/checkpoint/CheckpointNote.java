package ps.takamul.audit.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import ps.takamul.audit.store.Checkpoint;
import ps.takamul.security.pki.Crypto;

/**
 * The statement a checkpoint's signature is over: five LF-ended lines of UTF-8 text, so that an
 * auditor can rebuild it with a text editor and check it with {@code openssl dgst -verify}.
 *
 * <pre>
 * takamul-audit/v1
 * origin NODE-ID
 * size TREE-SIZE
 * root BASE64-ROOT-HASH
 * time 2026-11-22T10:15:30.123Z
 * </pre>
 *
 * The time always has exactly three fraction digits, so one instant has one note.
 */
public final class CheckpointNote {
    public static final String FORMAT = "takamul-audit/v1";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private CheckpointNote() {
    }

    /** The note of a checkpoint made by {@code origin}: the bytes its signature is over. */
    public static byte[] bytes(String origin, Checkpoint checkpoint) {
        return bytes(origin, checkpoint.treeSize(), checkpoint.rootHash(), checkpoint.at());
    }

    public static byte[] bytes(String origin, long treeSize, byte[] rootHash, Instant at) {
        if (origin == null || origin.isBlank() || origin.chars().anyMatch(c -> c == '\n' || c == '\r')) {
            throw new IllegalArgumentException("a checkpoint's origin is one non-blank line, not '" + origin + "'");
        }
        String note = FORMAT + "\n"
                + "origin " + origin + "\n"
                + "size " + treeSize + "\n"
                + "root " + Base64.getEncoder().encodeToString(rootHash) + "\n"
                + "time " + time(at) + "\n";
        return note.getBytes(StandardCharsets.UTF_8);
    }

    /** The note's form of an instant: UTC, milliseconds, e.g. {@code 2026-11-22T10:15:30.123Z}. */
    public static String time(Instant at) {
        return TIME.format(at);
    }

    /** What a checkpoint's time-stamp token stamps: SHA-256 of its signature. */
    public static byte[] imprint(byte[] signature) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(signature);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Signs a note with the key's own scheme: SHA256withECDSA, SHA256withRSA or Ed25519. */
    public static byte[] sign(PrivateKey key, byte[] note) {
        try {
            Signature signature = Signature.getInstance(algorithm(key), Crypto.bouncyCastle());
            signature.initSign(key);
            signature.update(note);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint with the " + key.getAlgorithm() + " key: "
                    + e.getMessage(), e);
        }
    }

    /** Whether {@code signature} is the key's signature over {@code note}; false for anything unreadable. */
    public static boolean verify(PublicKey key, byte[] note, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm(key), Crypto.bouncyCastle());
            verifier.initVerify(key);
            verifier.update(note);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The JCA name of the signature scheme a checkpoint key of this type signs with. */
    public static String algorithm(Key key) {
        return switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IllegalArgumentException("no checkpoint signature scheme for a " + key.getAlgorithm() + " key");
        };
    }
}
