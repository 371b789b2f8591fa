package ps.takamul.security.httpsig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checked against the published examples, so Takamul's signatures are the standard's and not a
 * look-alike: RFC 9421 appendix B.2.6 (Ed25519 is deterministic, so the signature must match to
 * the byte) and RFC 9530's Content-Digest example.
 */
class Rfc9421VectorsTest {
    /** RFC 9421 B.1.4, test-key-ed25519: a published test key, not a secret. */
    private static final String TEST_KEY_ED25519_PRIVATE = "MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF";
    private static final String TEST_KEY_ED25519_PUBLIC = "MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=";
    private static final String SIG_B26 =
            "wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==";

    private static Map<String, String> testRequest() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("date", "Tue, 20 Apr 2021 02:07:55 GMT");
        values.put("@method", "POST");
        values.put("@path", "/foo");
        values.put("@authority", "example.com");
        values.put("content-type", "application/json");
        values.put("content-length", "18");
        return values;
    }

    private static SignatureParameters b26() {
        return new SignatureParameters(List.of("date", "@method", "@path", "@authority", "content-type", "content-length"),
                1618884473L, null, "test-key-ed25519", null);
    }

    @Test
    void theSignatureBaseIsTheRfcs() {
        String base = new String(SignatureBase.of(testRequest(), b26()), StandardCharsets.UTF_8);
        assertThat(base).isEqualTo("""
                "date": Tue, 20 Apr 2021 02:07:55 GMT
                "@method": POST
                "@path": /foo
                "@authority": example.com
                "content-type": application/json
                "content-length": 18
                "@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519\"""");
    }

    @Test
    void ed25519SignsExactlyAsTheRfcExample() throws Exception {
        PrivateKey key = KeyFactory.getInstance("Ed25519")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(TEST_KEY_ED25519_PRIVATE)));
        PublicKey publicKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(TEST_KEY_ED25519_PUBLIC)));
        byte[] base = SignatureBase.of(testRequest(), b26());
        byte[] signature = SignatureAlgorithm.ED25519.sign(key, base);
        assertThat(Base64.getEncoder().encodeToString(signature)).isEqualTo(SIG_B26);
        assertThat(SignatureAlgorithm.ED25519.verify(publicKey, base, Base64.getDecoder().decode(SIG_B26))).isTrue();

        Map<String, String> tampered = testRequest();
        tampered.put("@path", "/bar");
        assertThat(SignatureAlgorithm.ED25519.verify(publicKey, SignatureBase.of(tampered, b26()),
                Base64.getDecoder().decode(SIG_B26))).isFalse();
    }

    @Test
    void ecdsaSignaturesAreRawRAndS() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        byte[] base = SignatureBase.of(testRequest(), b26());
        byte[] signature = SignatureAlgorithm.ECDSA_P256_SHA256.sign(pair.getPrivate(), base);
        assertThat(signature).hasSize(64);
        assertThat(SignatureAlgorithm.of(pair.getPublic())).isEqualTo(SignatureAlgorithm.ECDSA_P256_SHA256);
        assertThat(SignatureAlgorithm.ECDSA_P256_SHA256.verify(pair.getPublic(), base, signature)).isTrue();
    }

    @Test
    void contentDigestIsTheRfc9530Example() {
        byte[] body = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(ContentDigest.of(body)).isEqualTo("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:");
        assertThat(ContentDigest.matches("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:", body)).isTrue();
        assertThat(ContentDigest.matches(ContentDigest.of(body), "{\"hello\": \"world!\"}".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(ContentDigest.matches("sha-512=:abc=:", body)).isFalse();
        assertThat(ContentDigest.matches("sha-256=:not base64!:", body)).isFalse();
    }

    @Test
    void aMissingOrMultiLineComponentCannotBeSigned() {
        Map<String, String> values = testRequest();
        values.remove("date");
        assertThatThrownBy(() -> SignatureBase.of(values, b26())).isInstanceOf(SignatureException.class)
                .hasMessageContaining("\"date\"");
        Map<String, String> injected = testRequest();
        injected.put("@path", "/foo\n\"@method\": GET");
        assertThatThrownBy(() -> SignatureBase.of(injected, b26())).hasMessageContaining("line break");
    }
}
