package ps.takamul.security.trust;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import ps.takamul.security.pki.Crypto;

/**
 * Asks an OCSP responder (RFC 6960, over HTTP POST) whether a certificate is revoked: the
 * configured responder, or the one the certificate names in its authorityInfoAccess.
 *
 * <p>Answers, "good" and "revoked" alike, are kept per (issuer, serial) until the response's
 * nextUpdate or {@code freshness} from now, whichever comes first, so a busy member costs one
 * request per freshness period. A responder that cannot be reached, times out, or answers with
 * anything that does not verify gives REVOCATION_UNAVAILABLE, which is not cached.
 */
public final class OcspRevocationChecker implements RevocationChecker {
    private record Key(X509Certificate issuer, BigInteger serial) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 16;

    private final URI responder;
    private final Duration freshness;
    private final Duration timeout;
    private final HttpClient http;
    private final ExpiringCache<Key, OcspAnswer> answers;
    private final Clock clock;
    private final DigestCalculatorProvider digests;

    private OcspRevocationChecker(Builder builder) {
        this.responder = builder.responder;
        this.freshness = builder.freshness;
        this.timeout = builder.timeout;
        this.http = HttpClient.newBuilder().connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.answers = new ExpiringCache<>(builder.cacheSize);
        this.clock = builder.clock;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().setProvider(Crypto.bouncyCastle()).build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("no digest calculators", e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void check(X509Certificate certificate, X509Certificate issuer, Instant at) {
        Key key = new Key(issuer, certificate.getSerialNumber());
        OcspAnswer answer = answers.get(key, clock.instant());
        if (answer == null) {
            answer = ask(certificate, issuer);
            Instant fresh = clock.instant().plus(freshness);
            answers.put(key, answer, answer.expires().isBefore(fresh) ? answer.expires() : fresh);
        }
        if (answer.revoked()) {
            throw new CertificateRejectedException(CertificateProblem.REVOKED, SignerPath.subject(certificate)
                    + " was revoked at " + answer.revokedAt() + " (" + answer.reason() + "), says OCSP");
        }
    }

    private OcspAnswer ask(X509Certificate certificate, X509Certificate issuer) {
        URI url = responder != null ? responder : responderNamedIn(certificate);
        X509CertificateHolder issuerHolder = OcspAnswer.holder(issuer);
        ASN1OctetString nonce;
        byte[] request;
        CertificateID id;
        try {
            nonce = new DEROctetString(new DEROctetString(randomNonce()).getEncoded());
            id = new CertificateID(digests.get(CertificateID.HASH_SHA1), issuerHolder, certificate.getSerialNumber());
            request = new OCSPReqBuilder().addRequest(id)
                    .setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, nonce)))
                    .build().getEncoded();
        } catch (OCSPException | OperatorCreationException | IOException e) {
            throw OcspAnswer.unavailable("cannot build the OCSP request: " + e.getMessage());
        }
        byte[] response = post(url, request);
        return OcspAnswer.read(response, id, issuerHolder, nonce, digests, clock.instant(), freshness);
    }

    private byte[] post(URI url, byte[] request) {
        HttpRequest post = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/ocsp-request").header("Accept", "application/ocsp-response")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build();
        try {
            HttpResponse<byte[]> response = http.send(post, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw OcspAnswer.unavailable("the OCSP responder " + url + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new CertificateRejectedException(CertificateProblem.REVOCATION_UNAVAILABLE,
                    "the OCSP responder " + url + " is unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OcspAnswer.unavailable("interrupted while asking the OCSP responder " + url);
        }
    }

    private static URI responderNamedIn(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (value != null) {
            try {
                ASN1Primitive access = JcaX509ExtensionUtils.parseExtensionValue(value);
                for (AccessDescription description : AuthorityInformationAccess.getInstance(access).getAccessDescriptions()) {
                    GeneralName name = description.getAccessLocation();
                    if (AccessDescription.id_ad_ocsp.equals(description.getAccessMethod())
                            && name.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        String url = DERIA5String.getInstance(name.getName()).getString();
                        if (url.startsWith("http://") || url.startsWith("https://")) {
                            return URI.create(url);
                        }
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                throw OcspAnswer.unavailable(SignerPath.subject(certificate) + " has a malformed authorityInfoAccess");
            }
        }
        throw OcspAnswer.unavailable("no OCSP responder configured and " + SignerPath.subject(certificate)
                + " names none");
    }

    private static byte[] randomNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    /** Configures an OCSP checker; every setting has a default. */
    public static final class Builder {
        private URI responder;
        private Duration freshness = Duration.ofMinutes(5);
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration timeout = Duration.ofSeconds(5);
        private int cacheSize = 10_000;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The responder to ask for every certificate; unset, each certificate's AIA OCSP URL. */
        public Builder responder(URI responder) {
            this.responder = responder;
            return this;
        }

        /** How long an answer is reused at most (default 5 minutes); a response's nextUpdate may cut it shorter. */
        public Builder freshness(Duration freshness) {
            this.freshness = positive(freshness, "freshness");
            return this;
        }

        /** How long to wait for a TCP connection (default 2 seconds). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /** How long to wait for the whole answer (default 5 seconds). */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        public Builder cacheSize(int cacheSize) {
            this.cacheSize = cacheSize;
            return this;
        }

        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public OcspRevocationChecker build() {
            return new OcspRevocationChecker(this);
        }

        private static Duration positive(Duration duration, String what) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return duration;
        }
    }
}
