package ps.takamul.security.pki;

import java.util.Map;
import javax.security.auth.x500.X500Principal;

/** Distinguished names as operators read them: serialNumber by name, not as a hex-encoded OID. */
public final class Names {
    private static final Map<String, String> KEYWORDS = Map.of("2.5.4.5", "SERIALNUMBER");

    private Names() {
    }

    public static String display(X500Principal name) {
        return name.getName(X500Principal.RFC2253, KEYWORDS);
    }
}
