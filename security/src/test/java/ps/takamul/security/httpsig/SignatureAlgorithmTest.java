package ps.takamul.security.httpsig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

/** A key gets the RFC 9421 algorithm that names it exactly, or none. */
class SignatureAlgorithmTest {

    private static PublicKey ec(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair().getPublic();
    }

    @Test
    void onlyP256KeysAreEcdsaP256Sha256() throws Exception {
        assertThat(SignatureAlgorithm.of(ec("secp256r1"))).isEqualTo(SignatureAlgorithm.ECDSA_P256_SHA256);
        assertThatThrownBy(() -> SignatureAlgorithm.of(ec("secp384r1"))).isInstanceOf(SignatureException.class)
                .hasMessageContaining("not on P-256");
        assertThatThrownBy(() -> SignatureAlgorithm.of(ec("secp521r1"))).isInstanceOf(SignatureException.class);
    }

    @Test
    void onlyEd25519KeysAreEd25519EvenWhenTheJdkCallsBothEdDsa() throws Exception {
        PublicKey ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        PublicKey ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair().getPublic();
        assertThat(ed448.getAlgorithm()).isEqualTo("EdDSA");

        assertThat(SignatureAlgorithm.of(ed25519)).isEqualTo(SignatureAlgorithm.ED25519);
        assertThatThrownBy(() -> SignatureAlgorithm.of(ed448)).isInstanceOf(SignatureException.class)
                .hasMessageContaining("Ed448");
    }
}
