package ps.takamul.security.ocsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.security.trust.TrustTestPki;

/** The responder's answers read back with Bouncy Castle's client classes. */
class OcspResponderTest {
    @TempDir
    Path dir;
    private TrustTestPki pki;
    private OcspResponder responder;

    @BeforeEach
    void setUp() {
        pki = TrustTestPki.create(dir, "PS", null);
        responder = pki.responder(Duration.ofMinutes(30));
    }

    private static byte[] request(X509Certificate issuer, BigInteger serial, byte[] nonce) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuer), serial);
        return new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(new Extension(
                OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonce).getEncoded()))).build().getEncoded();
    }

    private static BasicOCSPResp basic(byte[] response) throws Exception {
        OCSPResp parsed = new OCSPResp(response);
        assertThat(parsed.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        return (BasicOCSPResp) parsed.getResponseObject();
    }

    @Test
    void aGoodAnswerEchoesTheNonceAndIsValidForTheConfiguredTime() throws Exception {
        byte[] nonce = "nonce-1234567890".getBytes(StandardCharsets.US_ASCII);
        X509Certificate member = pki.memberSigning(TrustTestPki.MOI).certificate();
        BasicOCSPResp answer = basic(responder.respond(request(pki.ca().issuing(), member.getSerialNumber(), nonce)));
        SingleResp single = answer.getResponses()[0];
        assertThat(single.getCertStatus()).isNull();
        assertThat(Duration.between(single.getThisUpdate().toInstant(), single.getNextUpdate().toInstant()))
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(single.getThisUpdate().toInstant()).isBetween(Instant.now().minusSeconds(5), Instant.now());
        assertThat(answer.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets())
                .isEqualTo(new DEROctetString(nonce).getEncoded());
    }

    @Test
    void serialsTheCaNeverIssuedAndOtherIssuersAreUnknown() throws Exception {
        byte[] nonce = new byte[8];
        SingleResp neverIssued = basic(responder.respond(request(pki.ca().issuing(), BigInteger.valueOf(42), nonce)))
                .getResponses()[0];
        assertThat(neverIssued.getCertStatus()).isInstanceOf(UnknownStatus.class);
        TrustTestPki other = TrustTestPki.create(dir.resolve("other"), "XX", null);
        X509Certificate foreign = other.memberSigning(MemberId.parse("XX/GOV/MOI")).certificate();
        SingleResp otherIssuer = basic(responder.respond(request(other.ca().issuing(), foreign.getSerialNumber(), nonce)))
                .getResponses()[0];
        assertThat(otherIssuer.getCertStatus()).isInstanceOf(UnknownStatus.class);
    }

    @Test
    void aMalformedRequestGetsMalformedRequestNotAnException() throws Exception {
        assertThat(new OCSPResp(responder.respond("not a request".getBytes(StandardCharsets.US_ASCII))).getStatus())
                .isEqualTo(OCSPResp.MALFORMED_REQUEST);
        assertThat(new OCSPResp(responder.respond(new byte[0])).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
    }

    @Test
    void aKeyThatClientsWouldRefuseIsRefusedAtStart() {
        TrustTestPki.Issued nodeTls = pki.nodeTls();
        assertThatThrownBy(() -> new OcspResponder(pki.ca().issuing(), nodeTls.key(),
                nodeTls.chain().toArray(X509Certificate[]::new), serial -> Optional.empty(), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ocsp-profile");
    }

    @Test
    void aGetRequestIsReadFromItsUrlAsRfc6960AppendixASays() throws Exception {
        byte[] der = request(pki.ca().issuing(), BigInteger.TEN, new byte[] {(byte) 0xfb, (byte) 0xff, 0x3e});
        String base64 = Base64.getEncoder().encodeToString(der);
        String encoded = URLEncoder.encode(base64, StandardCharsets.US_ASCII);
        assertThat(OcspGetRequest.fromUri("/ocsp/" + encoded, "/ocsp")).isEqualTo(der);
        assertThat(OcspGetRequest.fromUri("/ocsp/" + base64 + "?x=1", "/ocsp")).as("raw + and /").isEqualTo(der);
        assertThat(OcspGetRequest.fromUri("/ocsp/not*base64", "/ocsp")).isEmpty();
        assertThat(OcspGetRequest.fromUri("/elsewhere/" + encoded, "/ocsp")).isEmpty();
    }
}
