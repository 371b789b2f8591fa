package ps.takamul.security.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.math.BigInteger;
import java.util.Date;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.core.identifier.MemberId;

class MemberBindingTest {
    private static final char[] PASSWORD = "secret".toCharArray();

    @TempDir
    Path dir;

    @Test
    void readsTheMemberBackFromAMemberSigningCertificate() {
        InstanceCa ca = InstanceCa.init(dir.resolve("ca"), "PS", Duration.ofDays(30), PASSWORD, null);
        MemberId moi = MemberId.parse("PS/GOV/MOI");
        KeyRequests.KeyRequest request = KeyRequests.create(Profile.MEMBER_SIGNING, Identity.member(moi), dir, PASSWORD);

        X509Certificate certificate = ca.issue(request.csr(), IssueRequest.of(Profile.MEMBER_SIGNING, Duration.ofDays(7)));

        assertThat(MemberBinding.memberOf(certificate)).isEqualTo(moi);
        assertThat(MemberBinding.isIssuedTo(certificate, moi)).isTrue();
    }

    @Test
    void refusesCertificatesWithoutABinding() {
        InstanceCa ca = InstanceCa.init(dir.resolve("ca"), "PS", Duration.ofDays(30), PASSWORD, null);
        KeyRequests.KeyRequest request = KeyRequests.create(Profile.NODE_TLS, TestCsrs.node(), dir, PASSWORD);

        X509Certificate node = ca.issue(request.csr(), IssueRequest.of(Profile.NODE_TLS, Duration.ofDays(7)));

        assertThatThrownBy(() -> MemberBinding.memberOf(node)).isInstanceOf(PkiException.class)
                .hasMessageContaining("exactly one urn:takamul:member: URI, found 0");
        assertThatThrownBy(() -> MemberBinding.memberOf(ca.issuing())).isInstanceOf(PkiException.class);
    }

    @Test
    void refusesACertificateWhoseSubjectNamesAnotherMember() throws Exception {
        KeyPair key = Crypto.newKeyPair();
        // Subject says MOH, subjectAltName says MOI: a certificate our CA never makes, but another CA might.
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                Identity.member(MemberId.parse("PS/GOV/MOH")).subject(), BigInteger.TEN, new Date(),
                new Date(System.currentTimeMillis() + 86_400_000L), Identity.member(MemberId.parse("PS/GOV/MOH")).subject(),
                key.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                Identity.member(MemberId.parse("PS/GOV/MOI")).subjectAltNames());
        X509Certificate certificate = Crypto.toX509(builder.build(Crypto.signer(key.getPrivate())));

        assertThatThrownBy(() -> MemberBinding.memberOf(certificate)).isInstanceOf(PkiException.class)
                .hasMessageContaining("in subjectAltName but PS/GOV/MOH in its subject");
    }
}
