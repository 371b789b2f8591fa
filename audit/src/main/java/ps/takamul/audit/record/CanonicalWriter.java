package ps.takamul.audit.record;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link AuditRecord}'s canonical JSON directly, byte for byte what Jackson writes for
 * it with {@link AuditRecords}'s settings: properties in alphabetical order, map entries by key,
 * empty values left out (map entries with an empty value too, and a map with only such entries; list elements are kept), times as {@code Instant.toString()}, strings in UTF-8 with JSON's short
 * escapes and {@code \}{@code u00XX} for other control characters.
 *
 * <p>Why not Jackson: a record is written on the exchange's own thread for every exchange, and
 * Jackson's bean serializer took about 8 µs of CPU per record in {@code bench/profile.sh}.
 * {@code CanonicalWriterTest} checks the two agree on every kind of value. A string with a
 * surrogate character is left to Jackson ({@link #write} returns null), which is the reference
 * for what such strings become.
 */
final class CanonicalWriter {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

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
        ascii(value.toString());
        raw('"');
        return true;
    }

    private boolean number(String name, long value) {
        name(name);
        ascii(Long.toString(value));
        return true;
    }

    /** Entries with an empty value are left out, and a map left with none is left out whole, as Jackson does. */
    private boolean map(String name, Map<String, String> map) {
        String[] keys = map.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey)
                .sorted().toArray(String[]::new);
        if (keys.length == 0) {
            return true;
        }
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
