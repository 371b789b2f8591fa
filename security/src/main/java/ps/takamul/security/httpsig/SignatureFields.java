package ps.takamul.security.httpsig;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The {@code Signature-Input} and {@code Signature} fields (RFC 9421 section 4), as far as
 * Takamul uses them: structured-field dictionaries (RFC 8941) holding one signature under
 * {@link #LABEL}, or a single signature under any label.
 *
 * <p>The verifier rebuilds the {@code @signature-params} line from the field as received, not
 * from a re-serialisation, so a signer that orders its parameters differently still verifies.
 */
public final class SignatureFields {
    public static final String LABEL = "takamul";

    /** One received signature: its parameters, their text as sent, and the signature bytes. */
    public record Received(String label, SignatureParameters parameters, String rawParameters, byte[] signature) {
    }

    private SignatureFields() {
    }

    /** The {@code Signature-Input} value for a new signature. */
    public static String input(SignatureParameters parameters) {
        return LABEL + "=" + parameters.serialize();
    }

    /** The {@code Signature} value for a new signature. */
    public static String signature(byte[] value) {
        return LABEL + "=:" + Base64.getEncoder().encodeToString(value) + ":";
    }

    /** Reads both fields; throws {@link SignatureException} on anything malformed. */
    public static Received parse(String signatureInput, String signature) {
        List<Member> inputs = new Parser(signatureInput).dictionary();
        Member input = pick(inputs);
        Member value = null;
        for (Member m : new Parser(signature).dictionary()) {
            if (m.label.equals(input.label)) {
                value = m;
            }
        }
        if (value == null || value.bytes == null) {
            throw new SignatureException("Signature has no byte sequence labelled " + input.label);
        }
        if (input.components == null) {
            throw new SignatureException("Signature-Input " + input.label + " is not an inner list");
        }
        return new Received(input.label, new SignatureParameters(input.components,
                input.created == null ? fail("created") : input.created, input.expires,
                input.keyId == null ? fail("keyid") : input.keyId, input.alg), input.raw, value.bytes);
    }

    private static Member pick(List<Member> members) {
        if (members.size() == 1) {
            return members.get(0);
        }
        for (Member m : members) {
            if (m.label.equals(LABEL)) {
                return m;
            }
        }
        throw new SignatureException("Signature-Input holds " + members.size() + " signatures and none labelled " + LABEL);
    }

    private static <T> T fail(String parameter) {
        throw new SignatureException("Signature-Input has no " + parameter + " parameter");
    }

    private static final class Member {
        String label;
        String raw;
        List<String> components;
        byte[] bytes;
        Long created;
        Long expires;
        String keyId;
        String alg;
    }

    /** A small RFC 8941 dictionary reader for the shapes above: inner lists of strings, byte sequences. */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            if (s == null || s.isBlank()) {
                throw new SignatureException("empty signature field");
            }
            this.s = s;
        }

        List<Member> dictionary() {
            List<Member> members = new ArrayList<>();
            skipSpaces();
            while (i < s.length()) {
                Member m = new Member();
                m.label = key();
                expect('=');
                int start = i;
                if (peek() == '(') {
                    m.components = innerList();
                } else if (peek() == ':') {
                    m.bytes = byteSequence();
                } else {
                    throw error("expected ( or :");
                }
                parameters(m);
                m.raw = s.substring(start, i);
                members.add(m);
                skipSpaces();
                if (i < s.length()) {
                    expect(',');
                    skipSpaces();
                }
            }
            if (members.isEmpty()) {
                throw error("no members");
            }
            return members;
        }

        private List<String> innerList() {
            expect('(');
            List<String> items = new ArrayList<>();
            while (true) {
                while (peek() == ' ') {
                    i++;
                }
                if (peek() == ')') {
                    i++;
                    return items;
                }
                items.add(string());
                char c = peek();
                if (c != ' ' && c != ')') {
                    throw error("component parameters are not supported");
                }
            }
        }

        private void parameters(Member m) {
            while (i < s.length() && s.charAt(i) == ';') {
                i++;
                String name = key();
                expect('=');
                switch (name) {
                    case "created" -> m.created = integer();
                    case "expires" -> m.expires = integer();
                    case "keyid" -> m.keyId = string();
                    case "alg" -> m.alg = string();
                    default -> {
                        // nonce, tag and the like: covered as sent, not interpreted
                        if (peek() == '"') {
                            string();
                        } else {
                            integer();
                        }
                    }
                }
            }
        }

        private String key() {
            int start = i;
            while (i < s.length() && (Character.isLowerCase(s.charAt(i)) || Character.isDigit(s.charAt(i))
                    || "_-.*".indexOf(s.charAt(i)) >= 0)) {
                i++;
            }
            if (start == i) {
                throw error("expected a key");
            }
            return s.substring(start, i);
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    c = i < s.length() ? s.charAt(i++) : 0;
                    if (c != '"' && c != '\\') {
                        throw error("bad escape");
                    }
                } else if (c < 0x20 || c > 0x7e) {
                    throw error("non-ASCII in string");
                }
                out.append(c);
            }
            throw error("unterminated string");
        }

        private long integer() {
            int start = i;
            if (peek() == '-') {
                i++;
            }
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start || i - start > 15) {
                throw error("expected an integer");
            }
            return Long.parseLong(s.substring(start, i));
        }

        private byte[] byteSequence() {
            expect(':');
            int end = s.indexOf(':', i);
            if (end < 0) {
                throw error("unterminated byte sequence");
            }
            try {
                byte[] bytes = Base64.getDecoder().decode(s.substring(i, end));
                i = end + 1;
                return bytes;
            } catch (IllegalArgumentException e) {
                throw error("bad base64");
            }
        }

        private void skipSpaces() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
        }

        private char peek() {
            return i < s.length() ? s.charAt(i) : 0;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        private SignatureException error(String what) {
            return new SignatureException("malformed signature field at " + i + ": " + what);
        }
    }
}
