package ps.takamul.security.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.security.httpsig.SignatureAlgorithm;
import ps.takamul.security.httpsig.SignatureException;
import ps.takamul.security.pki.Identity;
import ps.takamul.security.pki.InstanceCa;
import ps.takamul.security.pki.IssueRequest;
import ps.takamul.security.pki.KeyRequests;
import ps.takamul.security.pki.Keystores;
import ps.takamul.security.pki.PkiException;
import ps.takamul.security.pki.Profile;

class Pkcs12SigningKeysTest {
    private static final char[] PASSWORD = "test-password".toCharArray();
    private static final MemberId MOI = MemberId.parse("PS/GOV/MOI");

    @TempDir
    Path dir;
    private InstanceCa ca;

    @BeforeEach
    void ca() {
        ca = InstanceCa.init(dir.resolve("ca"), "PS", Duration.ofDays(30), PASSWORD, null);
    }

    /** A key of the profile made by the project's own tooling, with the chain the CA issued. */
    private KeyStore.PrivateKeyEntry issued(Profile profile, Identity identity) {
        Path out = dir.resolve(profile.label() + "-" + System.nanoTime());
        KeyRequests.KeyRequest request = KeyRequests.create(profile, identity, out, PASSWORD);
        X509Certificate certificate = ca.issue(request.csr(), IssueRequest.of(profile, Duration.ofDays(7)));
        KeyRequests.importChain(request.keystore(), List.of(certificate, ca.issuing()), PASSWORD);
        KeyStore store = Keystores.load(request.keystore(), PASSWORD);
        return new KeyStore.PrivateKeyEntry(Keystores.privateKey(store, PASSWORD), Keystores.chain(store));
    }

    private Path keystore(String name, Object... aliasesAndEntries) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < aliasesAndEntries.length; i += 2) {
            String alias = (String) aliasesAndEntries[i];
            if (aliasesAndEntries[i + 1] instanceof KeyStore.PrivateKeyEntry entry) {
                store.setEntry(alias, entry, new KeyStore.PasswordProtection(PASSWORD));
            } else {
                store.setCertificateEntry(alias, (X509Certificate) aliasesAndEntries[i + 1]);
            }
        }
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        return file;
    }

    @Test
    void loadsTheMemberSigningEntriesAndIgnoresTheOthers() throws Exception {
        KeyStore.PrivateKeyEntry moi = issued(Profile.MEMBER_SIGNING, Identity.member(MOI));
        KeyStore.PrivateKeyEntry moh = issued(Profile.CLIENT_TLS,
                Identity.subsystem(MemberId.parse("PS/GOV/MOH").subsystem("health-records")));
        Path file = keystore("mixed.p12", "moh-client", moh, "moi-signing", moi, "root", ca.root());

        List<SigningKey> keys = SigningKeys.fromPkcs12(file, PASSWORD);

        assertThat(keys).hasSize(1);
        SigningKey key = keys.get(0);
        assertThat(key.member()).isEqualTo(MOI);
        assertThat(key.certificate()).isEqualTo(moi.getCertificate());
        assertThat(key.chain()).startsWith((X509Certificate) moi.getCertificate(), ca.issuing()); // then the root, found in the store
        assertThat(key.privateKey().getEncoded()).isNotNull();
        byte[] data = "payload".getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(data);
        assertThat(SignatureAlgorithm.ECDSA_P256_SHA256.verify(key.certificate().getPublicKey(), data, signature)).isTrue();
        data[0] ^= 1;
        assertThat(SignatureAlgorithm.ECDSA_P256_SHA256.verify(key.certificate().getPublicKey(), data, signature)).isFalse();
    }

    @Test
    void aKeyStoredWithAnotherKeysCertificateIsRefused() throws Exception {
        KeyStore.PrivateKeyEntry moi = issued(Profile.MEMBER_SIGNING, Identity.member(MOI));
        PrivateKey other = issued(Profile.MEMBER_SIGNING, Identity.member(MOI)).getPrivateKey();
        Path file = keystore("swapped.p12", "moi-signing",
                new KeyStore.PrivateKeyEntry(other, moi.getCertificateChain()));

        assertThatThrownBy(() -> SigningKeys.fromPkcs12(file, PASSWORD)).isInstanceOf(PkiException.class)
                .hasMessageContaining("'moi-signing'").hasMessageContaining("does not match its certificate");
    }

    @Test
    void aP384MemberKeyIsRefusedRatherThanSignedUnderTheP256Name() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair pair = generator.generateKeyPair();
        Identity moi = Identity.member(MOI);
        JcaPKCS10CertificationRequestBuilder csr = new JcaPKCS10CertificationRequestBuilder(moi.subject(), pair.getPublic());
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.subjectAlternativeName, false, moi.subjectAltNames());
        csr.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
        // The instance CA issues member-signing certificates for P-384 keys too.
        X509Certificate certificate = ca.issue(csr.build(new JcaContentSignerBuilder("SHA384withECDSA").build(pair.getPrivate())),
                IssueRequest.of(Profile.MEMBER_SIGNING, Duration.ofDays(7)));
        Path file = keystore("p384.p12", "moi-p384",
                new KeyStore.PrivateKeyEntry(pair.getPrivate(), new X509Certificate[] {certificate, ca.issuing()}));

        assertThatThrownBy(() -> SignatureAlgorithm.of(pair.getPublic())).isInstanceOf(SignatureException.class)
                .hasMessageContaining("not on P-256");
        assertThatThrownBy(() -> SigningKeys.fromPkcs12(file, PASSWORD)).isInstanceOf(PkiException.class)
                .hasMessageContaining("'moi-p384'").hasMessageContaining("cannot sign messages");
    }

    @Test
    void aWrongPasswordIsSaidSo() throws Exception {
        Path file = keystore("moi.p12", "moi-signing", issued(Profile.MEMBER_SIGNING, Identity.member(MOI)));

        assertThatThrownBy(() -> SigningKeys.fromPkcs12(file, "wrong".toCharArray())).isInstanceOf(PkiException.class)
                .hasMessageContaining("wrong password");
    }
}
