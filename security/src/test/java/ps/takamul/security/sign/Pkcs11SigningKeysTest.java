package ps.takamul.security.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.security.httpsig.SignatureAlgorithm;
import ps.takamul.security.httpsig.SignatureBase;
import ps.takamul.security.httpsig.SignatureParameters;
import ps.takamul.security.pki.Identity;
import ps.takamul.security.pki.InstanceCa;
import ps.takamul.security.pki.IssueRequest;
import ps.takamul.security.pki.PkiException;
import ps.takamul.security.pki.Profile;

/**
 * A member-signing key that lives on a real PKCS#11 token (SoftHSM2), generated there, certified
 * by the instance CA through a CSR the token signed, and loaded back with
 * {@link SigningKeys#fromPkcs11}. The SoftHSM2 configuration and token directory are made under
 * target/ at {@code $SOFTHSM2_CONF}, which security/pom.xml sets for surefire.
 */
class Pkcs11SigningKeysTest {
    private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final MemberId MOI = MemberId.parse("PS/GOV/MOI");
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    static Path dir;

    private static Path config;
    private static char[] pin;
    private static InstanceCa ca;
    private static X509Certificate memberCertificate;
    private static X509Certificate clientCertificate;

    @BeforeAll
    static void tokenWithAMemberSigningKey() throws Exception {
        if (!Files.exists(LIBRARY)) {
            fail("SoftHSM2 is not installed (" + LIBRARY + " is missing): apt-get install softhsm2"
                    + " (.ci/run installs it)");
        }
        String softHsmConf = System.getenv("SOFTHSM2_CONF");
        if (softHsmConf == null || softHsmConf.isBlank()) {
            fail("SOFTHSM2_CONF is not set: run this test through Maven, whose surefire configuration"
                    + " in security/pom.xml points it under target/softhsm2");
        }
        Path conf = Path.of(softHsmConf).toAbsolutePath();
        Path tokens = conf.resolveSibling("tokens");
        deleteRecursively(tokens);
        Files.createDirectories(tokens);
        Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                + "log.level = ERROR\nslots.removable = false\n");

        pin = digits(8);
        String init = softHsmUtil("--init-token", "--free", "--label", "takamul",
                "--pin", new String(pin), "--so-pin", new String(digits(8)));
        Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(init);
        assertThat(slot.find()).as("softhsm2-util said: %s", init).isTrue();

        config = dir.resolve("softhsm2-pkcs11.cfg");
        Files.writeString(config, sunPkcs11Config("takamul-softhsm", LIBRARY.toString(), slot.group(1)));

        ca = InstanceCa.init(dir.resolve("ca"), "PS", Duration.ofDays(30), "ca-password".toCharArray(), null);

        // The provisioning side: its own provider instance on the same token, as a tool would have.
        Provider token = Security.getProvider("SunPKCS11").configure(config.toString());
        KeyStore store = KeyStore.getInstance("PKCS11", token);
        store.load(null, pin);
        memberCertificate = certifiedOnToken(token, store, "moi-signing", Identity.member(MOI), Profile.MEMBER_SIGNING);
        // A key that is not a member-signing key: a client TLS key on the same token, to be ignored.
        clientCertificate = certifiedOnToken(token, store, "moh-client",
                Identity.subsystem(MemberId.parse("PS/GOV/MOH").subsystem("health-records")), Profile.CLIENT_TLS);
    }

    /** Generates a P-256 key on the token, has the CA certify it, stores the chain next to the key. */
    private static X509Certificate certifiedOnToken(Provider token, KeyStore store, String alias, Identity identity,
            Profile profile) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", token);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();

        JcaPKCS10CertificationRequestBuilder builder = new JcaPKCS10CertificationRequestBuilder(identity.subject(),
                pair.getPublic());
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.subjectAlternativeName, false, identity.subjectAltNames());
        builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
        // The CSR is signed by the token's own Signature: the key is never out of it.
        ContentSigner tokenSigner = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(token)
                .build(pair.getPrivate());
        PKCS10CertificationRequest csr = builder.build(tokenSigner);

        X509Certificate certificate = ca.issue(csr, IssueRequest.of(profile, Duration.ofDays(7)).forIdentity(identity));
        store.setKeyEntry(alias, pair.getPrivate(), null, new X509Certificate[] {certificate, ca.issuing()});
        return certificate;
    }

    @Test
    void loadsTheMemberSigningKeyFromTheTokenAndIgnoresTheOthers() {
        List<SigningKey> keys = SigningKeys.fromPkcs11(config, pin);

        assertThat(keys).hasSize(1);
        SigningKey key = keys.get(0);
        assertThat(key.member()).isEqualTo(MOI);
        assertThat(key.certificate()).isEqualTo(memberCertificate);
        assertThat(key.chain()).containsExactly(memberCertificate, ca.issuing());
        assertThat(key.keyId()).isEqualTo(SigningKey.keyIdOf(memberCertificate));
        assertThat(key.algorithm()).isEqualTo(SignatureAlgorithm.ECDSA_P256_SHA256);
        assertThat(keys).noneMatch(k -> k.certificate().equals(clientCertificate));
    }

    @Test
    void thePrivateKeyCannotBeReadOffTheToken() {
        SigningKey key = SigningKeys.fromPkcs11(config, pin).get(0);

        assertThat(key.privateKey().getEncoded()).isNull();
        assertThat(key.privateKey()).isNotInstanceOf(ECPrivateKey.class);
        assertThat(key.privateKey().getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void itsRfc9421SignaturesVerifyWithTheCertificateAndATamperedBaseDoesNot() {
        SigningKey key = SigningKeys.fromPkcs11(config, pin).get(0);
        Map<String, String> request = new LinkedHashMap<>();
        request.put("@method", "GET");
        request.put("@path", "/r1/PS/GOV/MOI/civil-registry/person-by-id/v1/848991048");
        request.put("x-road-client", "PS/GOV/MOH/health-records");
        SignatureParameters parameters = new SignatureParameters(List.copyOf(request.keySet()), 1_700_000_000L,
                null, key.keyId(), key.algorithm().registryName());
        byte[] base = SignatureBase.of(request, parameters);

        byte[] signature = key.sign(base);

        assertThat(signature).hasSize(64); // r || s, not DER
        assertThat(SignatureAlgorithm.ECDSA_P256_SHA256.verify(memberCertificate.getPublicKey(), base, signature)).isTrue();
        request.put("@path", "/r1/PS/GOV/MOI/civil-registry/person-by-id/v1/848991049");
        byte[] tampered = SignatureBase.of(request, parameters);
        assertThat(SignatureAlgorithm.ECDSA_P256_SHA256.verify(memberCertificate.getPublicKey(), tampered, signature))
                .isFalse();
    }

    @Test
    void aMissingLibrarySaysWhichConfigurationFailed() throws IOException {
        Path broken = dir.resolve("broken.cfg");
        Files.writeString(broken, sunPkcs11Config("takamul-broken", "/nonexistent/libpkcs11.so", "0"));

        assertThatThrownBy(() -> SigningKeys.fromPkcs11(broken, pin)).isInstanceOf(PkiException.class)
                .hasMessageContaining("broken.cfg").hasMessageContaining("/nonexistent/libpkcs11.so");
        assertThatThrownBy(() -> SigningKeys.fromPkcs11(dir.resolve("absent.cfg"), pin))
                .isInstanceOf(PkiException.class).hasMessageContaining("does not exist");
    }

    /**
     * The SunPKCS11 configuration documented in docs/security.md: the slot by its id (SoftHSM2
     * moves an initialised token to a new slot id, and lists its empty slot too), and keys generated
     * as token objects that are sensitive and not extractable.
     */
    private static String sunPkcs11Config(String name, String library, String slot) {
        return """
                name = %s
                library = %s
                slot = %s
                attributes(generate, CKO_PRIVATE_KEY, *) = {
                  CKA_TOKEN = true
                  CKA_PRIVATE = true
                  CKA_SENSITIVE = true
                  CKA_EXTRACTABLE = false
                  CKA_SIGN = true
                }
                attributes(generate, CKO_PUBLIC_KEY, *) = {
                  CKA_TOKEN = true
                  CKA_VERIFY = true
                }
                """.formatted(name, library, slot);
    }

    private static String softHsmUtil(String... args) throws IOException, InterruptedException {
        List<String> command = Stream.concat(Stream.of("softhsm2-util"), Stream.of(args)).toList();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("softhsm2-util did not finish");
        }
        if (process.exitValue() != 0) {
            fail("softhsm2-util " + args[0] + " failed (" + process.exitValue() + "): " + output);
        }
        return output;
    }

    private static char[] digits(int n) {
        char[] digits = new char[n];
        for (int i = 0; i < n; i++) {
            digits[i] = (char) ('0' + RANDOM.nextInt(10));
        }
        return digits;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
