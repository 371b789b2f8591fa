package ps.takamul.security.ocsp;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An OCSP request sent by HTTP GET (RFC 6960 appendix A.1): the URL's last part is the URL
 * encoding of the Base64 encoding of the DER request. Clients differ in what they
 * percent-encode, so a raw '+' stays a '+' (Base64), never a space.
 */
public final class OcspGetRequest {

    private OcspGetRequest() {
    }

    /**
     * The DER request in a raw request URI such as {@code /ocsp/MEQwQj...%3D}, or an empty array
     * when there is none or it is not Base64, which {@link OcspResponder#respond} answers as
     * MALFORMED_REQUEST.
     *
     * @param prefix the path the responder is served at, e.g. {@code /ocsp}
     */
    public static byte[] fromUri(String rawUri, String prefix) {
        if (rawUri == null) {
            return new byte[0];
        }
        int query = rawUri.indexOf('?');
        String path = query < 0 ? rawUri : rawUri.substring(0, query);
        String start = prefix.endsWith("/") ? prefix : prefix + "/";
        if (!path.startsWith(start)) {
            return new byte[0];
        }
        try {
            String encoded = URLDecoder.decode(path.substring(start.length()).replace("+", "%2B"), StandardCharsets.US_ASCII);
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
