package ps.takamul.audit.record;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link AuditRecord}'s canonical JSON directly, byte for byte what Jackson writes for
 * it with {@link AuditRecords}'s settings: properties in alphabetical order, map entries by key,
 * empty values left out (map entries with an empty value too, and a map with only such entries;
 * list elements are kept), times as {@code Instant.toString()}, strings in UTF-8 with JSON's
 * short escapes and {@code \}{@code u00XX} for other control characters.
 *
 * <p>Why not Jackson: a record is written on the exchange's own thread for every exchange, and
 * Jackson's bean serializer took about 8 µs of CPU per record in {@code bench/profile.sh}.
 * {@code CanonicalWriterTest} checks the two agree on every kind of value. A string with a
 * surrogate character is left to Jackson ({@link #write} returns null), which is the reference
 * for what such strings become.
 */
final class CanonicalWriter {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds. */
    private static final long YEAR_0 = -62_167_219_200L;
    private static final long YEAR_10000 = 253_402_300_800L;

    private byte[] out = new byte[1024];
    private int size;
    private boolean first = true;

    private CanonicalWriter() {
    }

    /** The record's canonical bytes, or null if a string holds a surrogate character. */
    static byte[] write(AuditRecord r) {
        CanonicalWriter w = new CanonicalWriter();
        w.raw('{');
        // Alphabetical, as Jackson's SORT_PROPERTIES_ALPHABETICALLY orders them (String.compareTo).
        boolean ok = w.text("agreement", r.agreement())
                && w.time("answered", r.answered())
                && w.time("at", r.at())
                && w.text("client", r.client())
                && w.text("correlationId", r.correlationId())
                && w.text("dataSubject", r.dataSubject())
                && w.map("details", r.details())
                && w.text("errorCode", r.errorCode())
                && w.map("evidence", r.evidence())
                && w.time("forwarded", r.forwarded())
                && w.text("issue", r.issue())
                && w.text("kind", r.kind().name())
                && w.text("messageId", r.messageId())
                && w.text("node", r.node())
                && w.text("purpose", r.purpose())
                && w.time("received", r.received())
                && w.number("requestBytes", r.requestBytes())
                && w.text("requestDigest", r.requestDigest())
                && w.number("responseBytes", r.responseBytes())
                && w.text("responseDigest", r.responseDigest())
                && w.text("service", r.service())
                && w.number("status", r.status())
                && w.text("userId", r.userId())
                && w.list("withheld", r.withheld());
        if (!ok) {
            return null;
        }
        w.raw('}');
        return Arrays.copyOf(w.out, w.size);
    }

    private boolean text(String name, String value) {
        if (value == null || value.isEmpty()) {
            return true;
        }
        name(name);
        return string(value);
    }

    private boolean time(String name, Instant value) {
        if (value == null) {
            return true;
        }
        name(name);
        raw('"');
        instant(value);
        raw('"');
        return true;
    }

    /**
     * As {@code Instant.toString()} (ISO_INSTANT): seconds always, then 3, 6 or 9 digits of
     * fraction, as few as hold it. Years outside 0000-9999, which ISO_INSTANT writes with a sign,
     * go through {@code toString()}.
     */
    private void instant(Instant value) {
        if (value.getEpochSecond() < YEAR_0 || value.getEpochSecond() >= YEAR_10000) {
            ascii(value.toString());
            return;
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(value.getEpochSecond(), value.getNano(), ZoneOffset.UTC);
        ensure(30);
        digits(t.getYear(), 4);
        out[size++] = '-';
        digits(t.getMonthValue(), 2);
        out[size++] = '-';
        digits(t.getDayOfMonth(), 2);
        out[size++] = 'T';
        digits(t.getHour(), 2);
        out[size++] = ':';
        digits(t.getMinute(), 2);
        out[size++] = ':';
        digits(t.getSecond(), 2);
        int nano = value.getNano();
        if (nano != 0) {
            out[size++] = '.';
            if (nano % 1_000_000 == 0) {
                digits(nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                digits(nano / 1000, 6);
            } else {
                digits(nano, 9);
            }
        }
        out[size++] = 'Z';
    }

    /** {@code value} in exactly {@code width} decimal digits, zero-padded. */
    private void digits(int value, int width) {
        for (int i = size + width - 1; i >= size; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += width;
    }

    private boolean number(String name, long value) {
        name(name);
        ascii(Long.toString(value));
        return true;
    }

    /** Entries with an empty value are left out, and a map left with none is left out whole, as Jackson does. */
    private boolean map(String name, Map<String, String> map) {
        if (map.isEmpty()) {
            return true;
        }
        String[] keys = new String[map.size()];
        int n = 0;
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (!e.getValue().isEmpty()) {
                keys[n++] = e.getKey();
            }
        }
        if (n == 0) {
            return true;
        }
        keys = Arrays.copyOf(keys, n);
        Arrays.sort(keys);
        name(name);
        raw('{');
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                raw(',');
            }
            if (!string(keys[i]) || !raw(':') || !string(map.get(keys[i]))) {
                return false;
            }
        }
        raw('}');
        return true;
    }

    private boolean list(String name, List<String> list) {
        if (list.isEmpty()) {
            return true;
        }
        name(name);
        raw('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                raw(',');
            }
            if (!string(list.get(i))) {
                return false;
            }
        }
        raw(']');
        return true;
    }

    private void name(String name) {
        if (!first) {
            raw(',');
        }
        first = false;
        raw('"');
        ascii(name);
        raw('"');
        raw(':');
    }

    /** A JSON string; false if it holds a surrogate (left to Jackson). */
    private boolean string(String s) {
        ensure(s.length() * 6 + 2);
        out[size++] = '"';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    out[size++] = (byte) c;
                } else {
                    escape(c);
                }
            } else if (c < 0x800) {
                out[size++] = (byte) (0xC0 | (c >> 6));
                out[size++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                return false;
            } else {
                out[size++] = (byte) (0xE0 | (c >> 12));
                out[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[size++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        out[size++] = '"';
        return true;
    }

    private void escape(char c) {
        out[size++] = '\\';
        switch (c) {
            case '"' -> out[size++] = '"';
            case '\\' -> out[size++] = '\\';
            case '\b' -> out[size++] = 'b';
            case '\t' -> out[size++] = 't';
            case '\n' -> out[size++] = 'n';
            case '\f' -> out[size++] = 'f';
            case '\r' -> out[size++] = 'r';
            default -> {
                out[size++] = 'u';
                out[size++] = '0';
                out[size++] = '0';
                out[size++] = HEX[c >> 4];
                out[size++] = HEX[c & 0xF];
            }
        }
    }

    private void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            out[size++] = (byte) s.charAt(i);
        }
    }

    private boolean raw(char c) {
        ensure(1);
        out[size++] = (byte) c;
        return true;
    }

    private void ensure(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }
}
