package ps.takamul.core.agreement;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ps.takamul.core.Durations;

/**
 * How many requests a consumer may make in a period under an agreement: a rate limit
 * ({@code 20 per 1s}) protects the provider from bursts, a quota ({@code 10000 per 1d}) caps
 * what the agreement grants over a day. Both are written {@code N per DURATION}.
 */
public record Allowance(long requests, Duration per) {
    private static final Pattern TEXT = Pattern.compile("(\\d{1,12})\\s+per\\s+(\\S+)");

    public Allowance {
        if (requests < 1) {
            throw new IllegalArgumentException("an allowance grants at least one request, not " + requests);
        }
        if (per.isZero() || per.isNegative()) {
            throw new IllegalArgumentException("an allowance's period must be more than zero");
        }
    }

    /** Parses {@code "20 per 1s"}. */
    public static Allowance parse(String text) {
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an allowance such as '20 per 1s' or '10000 per 1d'");
        }
        return new Allowance(Long.parseLong(m.group(1)), Durations.parse(m.group(2)));
    }

    @Override
    public String toString() {
        return requests + " per " + per;
    }
}
