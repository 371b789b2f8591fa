package ps.takamul.core.identifier;

import java.util.regex.Pattern;

/**
 * The rules every identifier segment follows.
 *
 * <p>Stricter than X-Road, on purpose: segments become parts of queue names and URL paths, so
 * they may hold only ASCII letters, digits, '-' and '_', start with a letter or digit, and be at
 * most 64 characters. A '.' would split an Artemis address and a '/' would split a path.
 */
final class Codes {
    static final int MAX_LENGTH = 64;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private Codes() {
    }

    static String require(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IdentifierException(what + " is missing");
        }
        if (!SEGMENT.matcher(value).matches()) {
            throw new IdentifierException(what + " '" + printable(value)
                    + "' must be 1-64 ASCII letters, digits, '-' or '_', starting with a letter or digit");
        }
        return value;
    }

    /** Keeps error messages readable and safe to log when the input is garbage. */
    static String printable(String value) {
        String cut = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        return cut.replaceAll("[\\p{Cntrl}]", "?");
    }

    static String[] split(String what, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            throw new IdentifierException(what + " is missing");
        }
        String[] parts = value.split("/", -1);
        if (parts.length < min || parts.length > max) {
            String expected = min == max ? String.valueOf(min) : min + " or " + max;
            throw new IdentifierException(what + " '" + printable(value) + "' must have " + expected
                    + " '/'-separated parts, found " + parts.length);
        }
        return parts;
    }
}
