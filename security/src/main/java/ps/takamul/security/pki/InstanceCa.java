package ps.takamul.security.pki;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import ps.takamul.core.identifier.MemberId;

/**
 * A government instance's certificate authority: an offline root and the issuing CA it signed.
 *
 * <p>Layout of the CA folder:
 * <pre>
 * root-ca.p12      root key and certificate: move it offline after {@link #init}
 * root-ca.pem      root certificate, the trust anchor every node is configured with
 * issuing-ca.p12   issuing CA key and chain: the only key {@link #open} needs
 * issuing-ca.pem   issuing CA certificate
 * index.json       issued serials, revocations, next CRL number ({@link CaIndex})
 * issued/SERIAL.pem every certificate issued, by hexadecimal serial
 * </pre>
 * One operator at a time: the folder is not locked against concurrent writers.
 */
public final class InstanceCa {
    public static final String ROOT_KEYSTORE = "root-ca.p12";
    public static final String ROOT_CERTIFICATE = "root-ca.pem";
    public static final String ISSUING_KEYSTORE = "issuing-ca.p12";
    public static final String ISSUING_CERTIFICATE = "issuing-ca.pem";
    public static final String INDEX = "index.json";
    public static final String ISSUED = "issued";

    /** Certificates start a little in the past so a relying party whose clock is behind accepts them. */
    private static final Duration BACKDATE = Duration.ofMinutes(5);

    private final Path dir;
    private final X509Certificate root;
    private final X509Certificate issuing;
    private final PrivateKey issuingKey;
    private CaIndex index;

    private InstanceCa(Path dir, X509Certificate root, X509Certificate issuing, PrivateKey issuingKey, CaIndex index) {
        this.dir = dir;
        this.root = root;
        this.issuing = issuing;
        this.issuingKey = issuingKey;
        this.index = index;
    }

    /**
     * Creates the root and issuing CA in an empty or new folder. Both CAs get the same validity,
     * which bounds every certificate they issue. Never overwrites an existing CA.
     *
     * @param crlUrl where the CRL will be published, written into every issued certificate; may be null
     */
    public static InstanceCa init(Path dir, String instance, Duration validity, char[] password, String crlUrl) {
        return init(dir, instance, validity, password, crlUrl, null);
    }

    /**
     * As {@link #init(Path, String, Duration, char[], String)}, and every end-entity certificate
     * issued afterwards names {@code ocspUrl} as its OCSP responder (authorityInfoAccess), so a
     * relying party with no responder configured still knows whom to ask.
     *
     * @param ocspUrl the OCSP responder's URL, e.g. {@code http://hub.gov.ps/ocsp}; may be null
     */
    public static InstanceCa init(Path dir, String instance, Duration validity, char[] password, String crlUrl,
                                  String ocspUrl) {
        new MemberId(instance, "CA", "CA"); // the instance code follows the identifier rules
        if (Files.exists(dir.resolve(INDEX)) || Files.exists(dir.resolve(ROOT_KEYSTORE))) {
            throw new PkiException("a CA already exists in " + dir + "; refusing to overwrite it");
        }
        requirePositive(validity, "CA validity");
        Instant notBefore = Instant.now().minus(BACKDATE).truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = notBefore.plus(validity);

        KeyPair rootKey = Crypto.newKeyPair();
        X509Certificate root = Certificates.root(Certificates.caName(instance, "Root CA"), rootKey, notBefore, notAfter);
        KeyPair issuingKey = Crypto.newKeyPair();
        X509Certificate issuing = Certificates.issuingCa(Certificates.caName(instance, "Issuing CA"),
                SubjectPublicKeyInfo.getInstance(issuingKey.getPublic().getEncoded()), root, rootKey.getPrivate(),
                notBefore, notAfter);

        Keystores.save(dir.resolve(ROOT_KEYSTORE), rootKey.getPrivate(), password, root);
        Pem.write(dir.resolve(ROOT_CERTIFICATE), root);
        Keystores.save(dir.resolve(ISSUING_KEYSTORE), issuingKey.getPrivate(), password, issuing, root);
        Pem.write(dir.resolve(ISSUING_CERTIFICATE), issuing);
        CaIndex index = new CaIndex(instance, crlUrl, ocspUrl, 1, List.of());
        index.write(dir.resolve(INDEX));
        return new InstanceCa(dir, root, issuing, issuingKey.getPrivate(), index);
    }

    /** Opens an existing CA with the issuing key only; the root keystore may be offline. */
    public static InstanceCa open(Path dir, char[] password) {
        KeyStore store = Keystores.load(dir.resolve(ISSUING_KEYSTORE), password);
        X509Certificate[] chain = Keystores.chain(store);
        if (chain.length < 2) {
            throw new PkiException("the issuing CA keystore must hold the issuing and root certificates");
        }
        return new InstanceCa(dir, chain[chain.length - 1], chain[0], Keystores.privateKey(store, password),
                CaIndex.read(dir.resolve(INDEX)));
    }

    public X509Certificate root() {
        return root;
    }

    public X509Certificate issuing() {
        return issuing;
    }

    public CaIndex index() {
        return index;
    }

    /**
     * Signs a CSR under a profile. The identity comes from {@code request.identity()} when given
     * (the operator's word), otherwise from the CSR; a member or subsystem named differently by
     * the two is refused, so a request cannot smuggle in another member's id.
     */
    public X509Certificate issue(PKCS10CertificationRequest csr, IssueRequest request) {
        CsrPolicy.check(csr);
        Identity identity = resolveIdentity(Identity.requestedBy(csr), request);
        identity.requireFits(request.profile());
        requirePositive(request.validity(), "certificate validity");

        Instant notBefore = Instant.now().minus(BACKDATE).truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = notBefore.plus(request.validity());
        if (notAfter.isAfter(issuing.getNotAfter().toInstant())) {
            throw new PkiException("the requested validity ends after the issuing CA's (" + issuing.getNotAfter()
                    + "); ask for a shorter one");
        }
        BigInteger serial = freshSerial();
        X509Certificate certificate = Certificates.leaf(request.profile(), identity, csr.getSubjectPublicKeyInfo(),
                serial, notBefore, notAfter, issuing, issuingKey, index.crlUrl(), index.ocspUrl());

        Pem.write(dir.resolve(ISSUED).resolve(hex(serial) + ".pem"), certificate);
        update(index.with(new CaIndex.Entry(hex(serial), request.profile().label(),
                Names.display(certificate.getSubjectX500Principal()), notBefore.toString(), notAfter.toString(), null, null)));
        return certificate;
    }

    public CaIndex.Entry revoke(BigInteger serial, RevocationReason reason) {
        CaIndex.Entry entry = index.find(hex(serial))
                .orElseThrow(() -> new PkiException("serial " + hex(serial) + " was not issued by this CA"));
        if (entry.revoked()) {
            throw new PkiException("serial " + hex(serial) + " is already revoked (" + entry.reason() + ")");
        }
        CaIndex.Entry revoked = entry.revoke(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), reason);
        update(index.with(revoked));
        return revoked;
    }

    /** A CRL of every revocation, signed by the issuing CA, with the next CRL number. */
    public X509CRL crl(Duration nextUpdate) {
        requirePositive(nextUpdate, "CRL next update");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(issuing.getSubjectX500Principal().getEncoded()), Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(nextUpdate)));
        for (CaIndex.Entry entry : index.certificates()) {
            if (entry.revoked()) {
                builder.addCRLEntry(new BigInteger(entry.serial(), 16), Date.from(Instant.parse(entry.revokedAt())),
                        RevocationReason.of(entry.reason()).code());
            }
        }
        try {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    Certificates.utils().createAuthorityKeyIdentifier(issuing.getPublicKey()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(index.nextCrlNumber())));
            X509CRLHolder holder = builder.build(Crypto.signer(issuingKey));
            X509CRL crl = new JcaX509CRLConverter().getCRL(holder);
            update(index.afterCrl());
            return crl;
        } catch (CertIOException | GeneralSecurityException e) {
            throw new PkiException("cannot build the CRL: " + e.getMessage(), e);
        }
    }

    /** Writes a CRL as {@code base.pem} and DER {@code base.crl}, the form HTTP distribution points serve. */
    public static void writeCrl(X509CRL crl, Path base) {
        Path pem = base.resolveSibling(base.getFileName() + ".pem");
        Path der = base.resolveSibling(base.getFileName() + ".crl");
        Pem.write(pem, crl);
        try {
            Files2.writeAtomically(der, crl.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new PkiException("cannot encode the CRL", e);
        }
    }

    /** A serial as openssl prints it: upper-case hex in whole bytes (a leading 0 where needed). */
    public static String hex(BigInteger serial) {
        String hex = serial.toString(16).toUpperCase(Locale.ROOT);
        return hex.length() % 2 == 0 ? hex : "0" + hex;
    }

    private Identity resolveIdentity(Identity requested, IssueRequest request) {
        Identity given = request.identity();
        if (given == null) {
            if (requested == null) {
                throw new PkiException("the CSR names no member, subsystem or node, and none was given");
            }
            return requested;
        }
        boolean requestedBinding = requested != null && (requested.member() != null || requested.subsystem() != null);
        if (requestedBinding && !(Objects.equals(given.member(), requested.member())
                && Objects.equals(given.subsystem(), requested.subsystem()))) {
            throw new PkiException("the CSR asks for " + requested + " but the certificate would be for " + given);
        }
        return given;
    }

    private BigInteger freshSerial() {
        BigInteger serial = Crypto.randomSerial();
        while (index.find(hex(serial)).isPresent()) {
            serial = Crypto.randomSerial();
        }
        return serial;
    }

    private void update(CaIndex next) {
        next.write(dir.resolve(INDEX));
        index = next;
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new PkiException(what + " must be positive");
        }
    }
}
