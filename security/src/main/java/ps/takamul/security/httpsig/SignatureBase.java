package ps.takamul.security.httpsig;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The signature base of RFC 9421 (section 2.5): one line per covered component, in the order
 * the parameters list them, {@code "name": value}, then the {@code "@signature-params"} line.
 * Component values are looked up by name in a map the caller fills from the message: derived
 * components ({@code @method}, {@code @target-uri}, {@code @path}, {@code @authority}) and
 * header fields, the latter by lower-case name with the field value trimmed.
 */
public final class SignatureBase {
    private SignatureBase() {
    }

    public static byte[] of(Map<String, String> values, SignatureParameters parameters) {
        return of(values, parameters, parameters.serialize());
    }

    /**
     * The base for a received signature: {@code rawParameters} is the inner list with its
     * parameters exactly as the {@code Signature-Input} field carried it.
     */
    public static byte[] of(Map<String, String> values, SignatureParameters parameters, String rawParameters) {
        StringBuilder base = new StringBuilder();
        for (String component : parameters.components()) {
            String value = values.get(component);
            if (value == null) {
                throw new SignatureException("the message has no component \"" + component + "\" to cover");
            }
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new SignatureException("component \"" + component + "\" holds a line break");
            }
            base.append('"').append(component).append("\": ").append(value.strip()).append('\n');
        }
        base.append("\"@signature-params\": ").append(rawParameters);
        return base.toString().getBytes(StandardCharsets.UTF_8);
    }
}
