package ps.takamul.security.httpsig;

import java.util.List;
import java.util.Objects;

/**
 * The signature parameters of RFC 9421 (section 2.3): which components are covered, in order, and
 * {@code created}, {@code expires}, {@code keyid}, {@code alg}. Serialised in this order, which
 * is also the form of the {@code Signature-Input} field's value.
 */
public record SignatureParameters(List<String> components, long created, Long expires, String keyId, String alg) {

    public SignatureParameters {
        components = List.copyOf(components);
        Objects.requireNonNull(keyId, "keyid");
    }

    /** The inner list with its parameters, e.g. {@code ("@method" "@path");created=1;keyid="k"}. */
    public String serialize() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < components.size(); i++) {
            sb.append(i == 0 ? "" : " ").append('"').append(components.get(i)).append('"');
        }
        sb.append(");created=").append(created);
        if (expires != null) {
            sb.append(";expires=").append(expires);
        }
        sb.append(";keyid=\"").append(keyId).append('"');
        if (alg != null) {
            sb.append(";alg=\"").append(alg).append('"');
        }
        return sb.toString();
    }
}
