package ps.takamul.security.httpsig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureFieldsTest {

    @Test
    void readsBackWhatItWrites() {
        SignatureParameters p = new SignatureParameters(List.of("@method", "x-road-id"), 1700000000L, 1700000300L,
                "kid", "ed25519");
        SignatureFields.Received r = SignatureFields.parse(SignatureFields.input(p), SignatureFields.signature(new byte[] {1, 2, 3}));
        assertThat(r.parameters()).isEqualTo(p);
        assertThat(r.rawParameters()).isEqualTo(p.serialize());
        assertThat(r.signature()).containsExactly(1, 2, 3);
    }

    @Test
    void keepsParametersAsSentForTheSignatureBase() {
        // RFC 9421 B.2.6's field, parameters in the signer's order, one foreign label beside ours
        String input = "other=(\"@path\");created=1, takamul=(\"date\" \"@method\");keyid=\"test-key-ed25519\";created=1618884473;nonce=\"x\"";
        SignatureFields.Received r = SignatureFields.parse(input, "takamul=:AQI=:, other=:AA==:");
        assertThat(r.rawParameters()).isEqualTo("(\"date\" \"@method\");keyid=\"test-key-ed25519\";created=1618884473;nonce=\"x\"");
        assertThat(r.parameters().created()).isEqualTo(1618884473L);
        assertThat(r.parameters().keyId()).isEqualTo("test-key-ed25519");
        assertThat(r.signature()).containsExactly(1, 2);
    }

    @Test
    void refusesMalformedFields() {
        assertThatThrownBy(() -> SignatureFields.parse("takamul=(\"@method\";keyid=\"k\"", "takamul=:AA==:"))
                .isInstanceOf(SignatureException.class);
        assertThatThrownBy(() -> SignatureFields.parse("takamul=(\"@method\");keyid=\"k\"", "takamul=:AA==:"))
                .hasMessageContaining("created");
        assertThatThrownBy(() -> SignatureFields.parse("takamul=(\"@method\");created=1;keyid=\"k\"", "other=:AA==:"))
                .hasMessageContaining("no byte sequence");
        assertThatThrownBy(() -> SignatureFields.parse("takamul=(\"@method\");created=1;keyid=\"k\"", "takamul=:!!:"))
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> SignatureFields.parse("", "takamul=:AA==:")).isInstanceOf(SignatureException.class);
    }
}
