package ps.takamul.core;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as operators write them in configuration: {@code 500ms}, {@code 5s}, {@code 2m},
 * {@code 1h}, {@code 1d}, and {@code 500us} for the few settings finer than a millisecond.
 */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|us|s|m|h|d)?");

    private Durations() {
    }

    /** Parses a duration; a bare number is milliseconds. */
    public static Duration parse(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 500ms, 5s, 2m, 1h or 1d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "ms" : m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            case "us" -> Duration.ofNanos(n * 1000);
            default -> Duration.ofMillis(n);
        };
    }
}
