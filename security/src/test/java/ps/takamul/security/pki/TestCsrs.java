package ps.takamul.security.pki;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import ps.takamul.core.identifier.MemberId;

/** CSRs made the way a careless or hostile requester would, which KeyRequests never makes. */
final class TestCsrs {
    static final MemberId MOI = MemberId.parse("PS/GOV/MOI");

    private TestCsrs() {
    }

    static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    static KeyPair ec(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Crypto.BC);
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    static PKCS10CertificationRequest signed(KeyPair subjectKey, PrivateKey signingKey, String algorithm) throws Exception {
        return new JcaPKCS10CertificationRequestBuilder(Identity.member(MOI).subject(), subjectKey.getPublic())
                .build(new JcaContentSignerBuilder(algorithm).setProvider(Crypto.BC).build(signingKey));
    }

    static PKCS10CertificationRequest signed(KeyPair key, String algorithm) throws Exception {
        return signed(key, key.getPrivate(), algorithm);
    }

    /** A valid member CSR whose encoded subject was then altered in transit: MOI becomes MOX. */
    static PKCS10CertificationRequest tampered(PKCS10CertificationRequest csr) throws Exception {
        byte[] der = csr.getEncoded();
        byte[] moi = "MOI".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i + moi.length <= der.length; i++) {
            if (der[i] == moi[0] && der[i + 1] == moi[1] && der[i + 2] == moi[2]) {
                der[i + 2] = 'X';
                return new PKCS10CertificationRequest(der);
            }
        }
        throw new AssertionError("no MOI in the CSR");
    }

    static Identity node() {
        return Identity.node("node1.moi.gov.ps", List.of("node1.moi.gov.ps", "localhost"), List.of("127.0.0.1"));
    }
}
