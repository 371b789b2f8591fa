package ps.takamul.routes.auditor;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A user name and password from an HTTP Basic {@code Authorization} header (RFC 7617), decoded as
 * UTF-8 so that a name or password in Arabic arrives intact.
 */
public record BasicCredentials(String name, String password) {
    /** The credentials in the header, or empty when there is none or it is not Basic. */
    public static Optional<BasicCredentials> parse(String header) {
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    /** The name as it may appear in a log line: printable, and cut at 64 characters. */
    public String printableName() {
        return QueryParameters.printable(name);
    }

    @Override
    public String toString() {
        return "BasicCredentials[" + printableName() + "]";
    }
}
