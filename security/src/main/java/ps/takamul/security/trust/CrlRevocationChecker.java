package ps.takamul.security.trust;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import ps.takamul.security.pki.Crypto;
import ps.takamul.security.pki.FileVersion;

/**
 * Revocation from a CRL file, PEM or DER, as {@code takamul-pki ca crl} publishes it. The file is
 * read again whenever it changes (modification time, size or the file itself, since the CA
 * replaces it atomically), so a newly published CRL counts without a restart.
 *
 * <p>The CRL is believed only if the certificate's issuer signed it, and only until its
 * nextUpdate: an expired CRL cannot say a certificate is good, so it answers
 * REVOCATION_UNAVAILABLE rather than a stale "good".
 */
public final class CrlRevocationChecker implements RevocationChecker {
    private record Loaded(FileVersion version, X509CRL crl, X509Certificate verifiedFor) {
    }

    private final Path file;
    private final Clock clock;
    private Loaded loaded;

    public CrlRevocationChecker(Path file) {
        this(file, Clock.systemUTC());
    }

    CrlRevocationChecker(Path file, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.clock = clock;
    }

    @Override
    public void check(X509Certificate certificate, X509Certificate issuer, Instant at) {
        X509CRL crl = crlSignedBy(issuer);
        Instant now = clock.instant();
        if (crl.getNextUpdate() == null || crl.getNextUpdate().toInstant().isBefore(now)) {
            throw unavailable("the CRL " + file + " expired at " + crl.getNextUpdate() + "; publish a new one");
        }
        X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
        if (entry != null) {
            String reason = entry.getRevocationReason() == null ? "unspecified"
                    : OcspAnswer.reasonName(entry.getRevocationReason().ordinal());
            throw new CertificateRejectedException(CertificateProblem.REVOKED, SignerPath.subject(certificate)
                    + " was revoked at " + entry.getRevocationDate().toInstant() + " (" + reason + "), says the CRL");
        }
    }

    private synchronized X509CRL crlSignedBy(X509Certificate issuer) {
        FileVersion version = version();
        if (loaded == null || !loaded.version().equals(version)) {
            loaded = new Loaded(version, read(), null);
        }
        if (!issuer.equals(loaded.verifiedFor())) {
            X509CRL crl = loaded.crl();
            if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                throw unavailable("the CRL " + file + " is " + crl.getIssuerX500Principal().getName()
                        + "'s, not " + issuer.getSubjectX500Principal().getName() + "'s");
            }
            try {
                crl.verify(issuer.getPublicKey(), Crypto.bouncyCastle());
            } catch (GeneralSecurityException e) {
                throw unavailable("the CRL " + file + " is not signed by " + SignerPath.subject(issuer));
            }
            loaded = new Loaded(loaded.version(), crl, issuer);
        }
        return loaded.crl();
    }

    private FileVersion version() {
        try {
            return FileVersion.of(file);
        } catch (NoSuchFileException e) {
            throw unavailable("no CRL at " + file);
        } catch (IOException e) {
            throw unavailable("the CRL " + file + " is unreadable: " + e.getMessage());
        }
    }

    /** The JDK's X.509 factory reads DER and PEM ("-----BEGIN X509 CRL-----") alike. */
    private X509CRL read() {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(Files.readAllBytes(file)));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw unavailable("the CRL " + file + " is unreadable: " + e.getMessage());
        }
    }

    private static CertificateRejectedException unavailable(String message) {
        return new CertificateRejectedException(CertificateProblem.REVOCATION_UNAVAILABLE, message);
    }
}
