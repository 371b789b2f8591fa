package ps.takamul.routes.auditor;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An auditor request's query parameters, decoded and checked: each at most once and each one the
 * endpoint knows. A misspelt filter is refused rather than ignored, since ignoring it would answer
 * with more records than were asked for. An empty value (a form's empty field) counts as absent.
 */
final class QueryParameters {
    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    static QueryParameters parse(String query, Set<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return new QueryParameters(values);
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw Refusal.badRequest("the query string is not well-formed");
            }
            if (!known.contains(name)) {
                throw Refusal.badRequest("unknown parameter '" + printable(name) + "'; this endpoint takes " + known);
            }
            value = value.strip();
            if (value.isEmpty()) {
                continue;
            }
            if (values.putIfAbsent(name, value) != null) {
                throw Refusal.badRequest("parameter '" + name + "' is given more than once");
            }
        }
        return new QueryParameters(values);
    }

    /** Everything given, for the LOG_READ record of the request. */
    Map<String, String> all() {
        return Collections.unmodifiableMap(values);
    }

    String text(String name) {
        return values.get(name);
    }

    Instant instant(String name) {
        String value = values.get(name);
        return value == null ? null : instant(name, value);
    }

    Long number(String name, long min, long max) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        try {
            long n = Long.parseLong(value);
            if (n < min || n > max) {
                throw Refusal.badRequest(name + " must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw Refusal.badRequest(name + " must be a whole number, not '" + printable(value) + "'");
        }
    }

    /**
     * An ISO-8601 instant ({@code 2026-03-01T08:00:00Z}), a time with an offset, or a local date
     * and time as an HTML {@code datetime-local} field sends it, read as UTC.
     */
    static Instant instant(String name, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw Refusal.badRequest(name + " must be an ISO-8601 time such as 2026-03-01T08:00:00Z, not '"
                        + printable(value) + "'");
            }
        }
    }

    /** A value quoted back in an error: short and without control characters. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(64).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return value.codePointCount(0, value.length()) > 64 ? out + "…" : out.toString();
    }
}
