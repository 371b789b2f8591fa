package ps.takamul.security.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.core.identifier.SubsystemId;

class InstanceCaTest {
    private static final char[] CA_PASSWORD = "ca-secret".toCharArray();
    private static final char[] KEY_PASSWORD = "key-secret".toCharArray();
    private static final Duration YEAR = Duration.ofDays(365);

    @TempDir
    Path dir;
    private InstanceCa ca;

    @BeforeEach
    void createCa() {
        ca = InstanceCa.init(dir.resolve("ca"), "PS", Duration.ofDays(3650), CA_PASSWORD, "http://pki.gov.ps/issuing.crl");
    }

    @Test
    void serialsAreWrittenAsOpensslPrintsThemInWholeBytes() {
        // openssl prints 04695D..., so the CA's index and file names must too.
        assertThat(InstanceCa.hex(new java.math.BigInteger("4695D", 16))).isEqualTo("04695D");
        assertThat(InstanceCa.hex(new java.math.BigInteger("A4695D", 16))).isEqualTo("A4695D");
    }

    @Test
    void rootIsSelfSignedCaAndIssuingCaMayOnlySignLeaves() throws Exception {
        X509Certificate root = ca.root();
        X509Certificate issuing = ca.issuing();

        root.verify(root.getPublicKey());
        issuing.verify(root.getPublicKey());
        assertThat(root.getSubjectX500Principal().getName()).isEqualTo("CN=PS Root CA,O=Takamul");
        assertThat(root.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(issuing.getBasicConstraints()).isZero();
        assertThat(root.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        // keyCertSign (5) and cRLSign (6) only.
        assertThat(root.getKeyUsage()).containsExactly(false, false, false, false, false, true, true, false, false);
        assertThat(issuing.getKeyUsage()).containsExactly(false, false, false, false, false, true, true, false, false);
        assertThat(issuing.getSigAlgName()).isEqualTo("SHA256withECDSA");
    }

    @Test
    void rootKeyLivesInItsOwnKeystoreAndOpeningNeedsOnlyTheIssuingOne() throws Exception {
        Path caDir = dir.resolve("ca");
        assertThat(caDir.resolve(InstanceCa.ROOT_KEYSTORE)).isRegularFile();
        Files.move(caDir.resolve(InstanceCa.ROOT_KEYSTORE), dir.resolve("offline-root.p12"));

        InstanceCa reopened = InstanceCa.open(caDir, CA_PASSWORD);

        assertThat(reopened.root()).isEqualTo(ca.root());
        assertThat(reopened.issue(memberCsr(), IssueRequest.of(Profile.MEMBER_SIGNING, YEAR))).isNotNull();
    }

    @Test
    void refusesToOverwriteAnExistingCa() {
        assertThatThrownBy(() -> InstanceCa.init(dir.resolve("ca"), "PS", YEAR, CA_PASSWORD, null))
                .isInstanceOf(PkiException.class).hasMessageContaining("already exists");
    }

    @Test
    void refusesAWrongPassword() {
        assertThatThrownBy(() -> InstanceCa.open(dir.resolve("ca"), "wrong".toCharArray()))
                .isInstanceOf(PkiException.class).hasMessageContaining("wrong password");
    }

    @Test
    void memberSigningCertificateIsBoundToItsMember() throws Exception {
        X509Certificate certificate = ca.issue(memberCsr(), IssueRequest.of(Profile.MEMBER_SIGNING, YEAR));

        certificate.verify(ca.issuing().getPublicKey());
        assertThat(MemberBinding.memberOf(certificate)).isEqualTo(MemberId.parse("PS/GOV/MOI"));
        assertThat(MemberBinding.isIssuedTo(certificate, MemberId.parse("PS/GOV/MOH"))).isFalse();
        // digitalSignature (0) and nonRepudiation (1), critical; no extended key usage.
        assertThat(certificate.getKeyUsage()).startsWith(true, true, false, false);
        assertThat(certificate.getCriticalExtensionOIDs()).contains("2.5.29.15");
        assertThat(certificate.getExtendedKeyUsage()).isNull();
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(CertificateInfo.of(certificate).profile()).contains(Profile.MEMBER_SIGNING);
        assertThat(certificate.getSerialNumber().signum()).isPositive();
        assertThat(certificate.getSerialNumber().bitLength()).isBetween(64, 128);
        assertThat(Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant()))
                .isEqualTo(YEAR);
        assertThat(ca.index().find(InstanceCa.hex(certificate.getSerialNumber()))).isPresent();
        assertThat(dir.resolve("ca/issued/" + InstanceCa.hex(certificate.getSerialNumber()) + ".pem")).isRegularFile();
    }

    @Test
    void nodeTlsCertificateCarriesServerAndClientAuthAndItsNames() throws Exception {
        KeyRequests.KeyRequest request = KeyRequests.create(Profile.NODE_TLS, TestCsrs.node(), dir.resolve("node"), KEY_PASSWORD);

        X509Certificate certificate = ca.issue(request.csr(), IssueRequest.of(Profile.NODE_TLS, YEAR));

        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(CertificateInfo.of(certificate).subjectAltNames())
                .containsExactly("node1.moi.gov.ps", "localhost", "127.0.0.1");
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=node1.moi.gov.ps");
    }

    @Test
    void operatorGivenNodeNamesReplaceTheRequestedOnes() throws Exception {
        KeyRequests.KeyRequest request = KeyRequests.create(Profile.NODE_TLS, TestCsrs.node(), dir.resolve("node"), KEY_PASSWORD);

        X509Certificate certificate = ca.issue(request.csr(), IssueRequest.of(Profile.NODE_TLS, YEAR)
                .forIdentity(Identity.node("node1", List.of("node1.gov.ps"), List.of("10.1.2.3"))));

        assertThat(CertificateInfo.of(certificate).subjectAltNames()).containsExactly("node1.gov.ps", "10.1.2.3");
    }

    @Test
    void clientTlsCertificateNamesItsSubsystem() throws Exception {
        SubsystemId health = SubsystemId.parse("PS/GOV/MOH/health-records");
        KeyRequests.KeyRequest request = KeyRequests.create(Profile.CLIENT_TLS, Identity.subsystem(health),
                dir.resolve("moh"), KEY_PASSWORD);

        X509Certificate certificate = ca.issue(request.csr(), IssueRequest.of(Profile.CLIENT_TLS, YEAR));

        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(MemberBinding.subsystemOf(certificate)).isEqualTo(health);
        assertThatThrownBy(() -> MemberBinding.memberOf(certificate)).isInstanceOf(PkiException.class);
    }

    @Test
    void refusesACsrForAnotherMemberThanTheOperatorNamed() {
        IssueRequest forMoh = IssueRequest.of(Profile.MEMBER_SIGNING, YEAR)
                .forIdentity(Identity.member(MemberId.parse("PS/GOV/MOH")));

        assertThatThrownBy(() -> ca.issue(memberCsr(), forMoh))
                .isInstanceOf(PkiException.class).hasMessageContaining("PS/GOV/MOI").hasMessageContaining("PS/GOV/MOH");
    }

    @Test
    void refusesAProfileTheRequestDoesNotFit() {
        assertThatThrownBy(() -> ca.issue(memberCsr(), IssueRequest.of(Profile.CLIENT_TLS, YEAR)))
                .isInstanceOf(PkiException.class).hasMessageContaining("client-tls needs a subsystem id");
    }

    @Test
    void refusesAValidityBeyondTheIssuingCa() {
        assertThatThrownBy(() -> ca.issue(memberCsr(), IssueRequest.of(Profile.MEMBER_SIGNING, Duration.ofDays(4000))))
                .isInstanceOf(PkiException.class).hasMessageContaining("ends after the issuing CA");
    }

    @Test
    void refusesRsa1024() throws Exception {
        PKCS10CertificationRequest weak = TestCsrs.signed(TestCsrs.rsa(1024), "SHA256withRSA");

        assertThatThrownBy(() -> ca.issue(weak, IssueRequest.of(Profile.MEMBER_SIGNING, YEAR)))
                .isInstanceOf(PkiException.class).hasMessageContaining("RSA key of 1024 bits");
    }

    @Test
    void acceptsRsa2048() throws Exception {
        PKCS10CertificationRequest rsa = TestCsrs.signed(TestCsrs.rsa(2048), "SHA256withRSA");

        assertThat(MemberBinding.memberOf(ca.issue(rsa, IssueRequest.of(Profile.MEMBER_SIGNING, YEAR)
                .forIdentity(Identity.member(TestCsrs.MOI))))).isEqualTo(TestCsrs.MOI);
    }

    @Test
    void refusesSha1Signatures() throws Exception {
        PKCS10CertificationRequest sha1 = TestCsrs.signed(TestCsrs.ec("secp256r1"), "SHA1withECDSA");

        assertThatThrownBy(() -> ca.issue(sha1, IssueRequest.of(Profile.MEMBER_SIGNING, YEAR)))
                .isInstanceOf(PkiException.class).hasMessageContaining("SHA-1");
    }

    @Test
    void refusesUnknownCurves() throws Exception {
        PKCS10CertificationRequest koblitz = TestCsrs.signed(TestCsrs.ec("secp256k1"), "SHA256withECDSA");

        assertThatThrownBy(() -> ca.issue(koblitz, IssueRequest.of(Profile.MEMBER_SIGNING, YEAR)))
                .isInstanceOf(PkiException.class).hasMessageContaining("unknown or explicit curve");
    }

    @Test
    void refusesATamperedCsr() throws Exception {
        PKCS10CertificationRequest tampered = TestCsrs.tampered(memberCsr());

        assertThatThrownBy(() -> ca.issue(tampered, IssueRequest.of(Profile.MEMBER_SIGNING, YEAR)))
                .isInstanceOf(PkiException.class).hasMessageContaining("signature does not match");
    }

    @Test
    void refusesACsrSignedByAnotherKey() throws Exception {
        KeyPair claimed = TestCsrs.ec("secp256r1");
        PKCS10CertificationRequest forged = TestCsrs.signed(claimed, TestCsrs.ec("secp256r1").getPrivate(), "SHA256withECDSA");

        assertThatThrownBy(() -> ca.issue(forged, IssueRequest.of(Profile.MEMBER_SIGNING, YEAR)))
                .isInstanceOf(PkiException.class).hasMessageContaining("signature does not match");
    }

    @Test
    void revocationsSurviveReopeningAndAppearInTheCrl() throws Exception {
        X509Certificate certificate = ca.issue(memberCsr(), IssueRequest.of(Profile.MEMBER_SIGNING, YEAR));
        ca.revoke(certificate.getSerialNumber(), RevocationReason.KEY_COMPROMISE);

        InstanceCa reopened = InstanceCa.open(dir.resolve("ca"), CA_PASSWORD);
        X509CRL first = reopened.crl(Duration.ofDays(7));
        X509CRL second = reopened.crl(Duration.ofDays(7));

        first.verify(ca.issuing().getPublicKey());
        assertThat(first.isRevoked(certificate)).isTrue();
        assertThat(first.getRevokedCertificate(certificate).getRevocationReason())
                .isEqualTo(java.security.cert.CRLReason.KEY_COMPROMISE);
        assertThat(Duration.between(first.getThisUpdate().toInstant(), first.getNextUpdate().toInstant()))
                .isEqualTo(Duration.ofDays(7));
        assertThat(crlNumber(second)).isEqualTo(crlNumber(first) + 1);
    }

    @Test
    void refusesToRevokeUnknownOrRevokedSerials() throws Exception {
        assertThatThrownBy(() -> ca.revoke(BigInteger.TEN, RevocationReason.UNSPECIFIED))
                .isInstanceOf(PkiException.class).hasMessageContaining("not issued by this CA");
        X509Certificate certificate = ca.issue(memberCsr(), IssueRequest.of(Profile.MEMBER_SIGNING, YEAR));
        ca.revoke(certificate.getSerialNumber(), RevocationReason.SUPERSEDED);

        assertThatThrownBy(() -> ca.revoke(certificate.getSerialNumber(), RevocationReason.KEY_COMPROMISE))
                .isInstanceOf(PkiException.class).hasMessageContaining("already revoked");
    }

    private PKCS10CertificationRequest memberCsr() {
        Path out = dir.resolve("moi-" + System.nanoTime());
        return KeyRequests.create(Profile.MEMBER_SIGNING, Identity.member(TestCsrs.MOI), out, KEY_PASSWORD).csr();
    }

    private static long crlNumber(X509CRL crl) {
        byte[] value = crl.getExtensionValue("2.5.29.20");
        return org.bouncycastle.asn1.x509.CRLNumber.getInstance(
                org.bouncycastle.asn1.ASN1OctetString.getInstance(value).getOctets()).getCRLNumber().longValue();
    }
}
