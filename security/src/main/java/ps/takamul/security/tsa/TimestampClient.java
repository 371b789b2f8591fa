package ps.takamul.security.tsa;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateParsingException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import ps.takamul.security.pki.Crypto;

/**
 * An RFC 3161 client for an external time-stamping authority ({@code takamul.tsa.url}): sends a
 * SHA-256 imprint with a fresh nonce and {@code certReq}, and accepts the token only when the
 * status is granted, the nonce and the imprint are the request's, the signer's certificate has the
 * critical timeStamping usage and chains to one of the trust anchors (PKIX, revocation not
 * checked, at the token's time), and the token's signature verifies. Anything else is a
 * {@link TimestampException} naming the check that failed. Thread-safe; one instance per TSA.
 */
public final class TimestampClient {
    static final String QUERY_TYPE = "application/timestamp-query";
    static final String REPLY_TYPE = "application/timestamp-reply";
    /** A token with a chain is a few KiB; anything near this is not a time-stamp reply. */
    private static final int MAX_REPLY_BYTES = 1 << 20;
    private static final String TIME_STAMPING = KeyPurposeId.id_kp_timeStamping.getId();

    private final URI tsaUrl;
    private final Set<TrustAnchor> anchors;
    private final Duration timeout;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param tsaUrl       the TSA's http or https URL, to which queries are POSTed
     * @param trustAnchors the certificates a TSA certificate must chain to (e.g. the instance root)
     * @param timeout      for connecting, and for the TSA to start answering
     */
    public TimestampClient(URI tsaUrl, List<X509Certificate> trustAnchors, Duration timeout) {
        if (tsaUrl == null || tsaUrl.getScheme() == null
                || !Set.of("http", "https").contains(tsaUrl.getScheme().toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("the TSA URL must be http or https, not " + tsaUrl);
        }
        if (trustAnchors == null || trustAnchors.isEmpty()) {
            throw new IllegalArgumentException("a TSA client needs at least one trust anchor");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the TSA timeout must be positive");
        }
        this.tsaUrl = tsaUrl;
        this.anchors = trustAnchors.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toUnmodifiableSet());
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public URI url() {
        return tsaUrl;
    }

    /**
     * Time-stamps a SHA-256 digest (32 bytes) and returns the verified token.
     *
     * @throws TimestampException when the TSA cannot be reached or its answer is not acceptable
     */
    public TimeStampToken stamp(byte[] sha256Digest) {
        if (sha256Digest == null || sha256Digest.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest is 32 bytes");
        }
        BigInteger nonce = new BigInteger(64, random);
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256Digest, nonce);

        TimeStampResponse response = parse(post(encoded(request)));
        TimeStampToken token = granted(response);
        TimeStampTokenInfo info = token.getTimeStampInfo();
        if (!nonce.equals(info.getNonce())) {
            throw new TimestampException(from() + "answered with nonce " + hex(info.getNonce()) + " to a request with nonce "
                    + hex(nonce) + ": not the reply to this request (replayed or mixed up)");
        }
        if (!TSPAlgorithms.SHA256.equals(info.getMessageImprintAlgOID())
                || !Arrays.equals(sha256Digest, info.getMessageImprintDigest())) {
            throw new TimestampException(from() + "stamped another imprint (" + info.getMessageImprintAlgOID() + " "
                    + HexFormat.of().formatHex(info.getMessageImprintDigest()) + ") than the one sent (SHA-256 "
                    + HexFormat.of().formatHex(sha256Digest) + ")");
        }
        X509Certificate signer = signerCertificate(token);
        requireTimeStampingUsage(signer);
        requireTrustedChain(signer, token, info.getGenTime());
        requireValidSignature(token, signer);
        try {
            response.validate(request); // Bouncy Castle's own checks of the pair, after ours
        } catch (TSPException e) {
            throw new TimestampException(from() + "sent a reply that does not answer the request: " + e.getMessage(), e);
        }
        return token;
    }

    private byte[] post(byte[] query) {
        HttpRequest request = HttpRequest.newBuilder(tsaUrl).timeout(timeout).header("Content-Type", QUERY_TYPE)
                .header("Accept", REPLY_TYPE).POST(HttpRequest.BodyPublishers.ofByteArray(query)).build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new TimestampException(from() + "answered HTTP " + response.statusCode()
                            + " instead of a time-stamp reply");
                }
                byte[] reply = body.readNBytes(MAX_REPLY_BYTES + 1);
                if (reply.length > MAX_REPLY_BYTES) {
                    throw new TimestampException(from() + "sent more than " + MAX_REPLY_BYTES
                            + " bytes: not a time-stamp reply");
                }
                return reply;
            }
        } catch (HttpTimeoutException e) {
            throw new TimestampException("no answer from the TSA at " + tsaUrl + " within " + timeout, e);
        } catch (IOException e) {
            throw new TimestampException("cannot reach the TSA at " + tsaUrl + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimestampException("interrupted while waiting for the TSA at " + tsaUrl, e);
        }
    }

    private TimeStampResponse parse(byte[] reply) {
        try {
            return new TimeStampResponse(reply);
        } catch (TSPException | IOException | RuntimeException e) {
            throw new TimestampException(from() + "did not answer with an RFC 3161 time-stamp response (" + reply.length
                    + " bytes): " + e.getMessage(), e);
        }
    }

    private TimeStampToken granted(TimeStampResponse response) {
        int status = response.getStatus();
        if (status != PKIStatus.GRANTED && status != PKIStatus.GRANTED_WITH_MODS) {
            String text = response.getStatusString();
            throw new TimestampException(from() + "refused the request: status " + statusName(status)
                    + (response.getFailInfo() != null ? ", failure info " + response.getFailInfo().intValue() : "")
                    + (text != null ? ", \"" + text + "\"" : ""));
        }
        TimeStampToken token = response.getTimeStampToken();
        if (token == null) {
            throw new TimestampException(from() + "granted the request but sent no token");
        }
        return token;
    }

    private X509Certificate signerCertificate(TimeStampToken token) {
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        if (matches.isEmpty()) {
            throw new TimestampException(from() + "sent a token without its signing certificate, which was asked for");
        }
        return x509(matches.iterator().next());
    }

    private void requireTimeStampingUsage(X509Certificate signer) {
        List<String> usages;
        try {
            usages = signer.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            throw new TimestampException(from() + "signed with a certificate whose extended key usage cannot be read", e);
        }
        Set<String> critical = signer.getCriticalExtensionOIDs();
        if (usages == null || !usages.equals(List.of(TIME_STAMPING)) || critical == null
                || !critical.contains(Extension.extendedKeyUsage.getId())) {
            throw new TimestampException(from() + "signed with " + signer.getSubjectX500Principal()
                    + ", which is not a time-stamping certificate (RFC 3161 wants the timeStamping extended key usage,"
                    + " alone and critical)");
        }
    }

    private void requireTrustedChain(X509Certificate signer, TimeStampToken token, Date at) {
        try {
            List<X509Certificate> carried = new ArrayList<>();
            for (X509CertificateHolder holder : token.getCertificates().getMatches(null)) {
                carried.add(x509(holder));
            }
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(at);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(carried)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
        } catch (GeneralSecurityException e) {
            throw new TimestampException(from() + "signed with " + signer.getSubjectX500Principal()
                    + ", which does not chain to a trusted anchor at " + at.toInstant() + ": " + e.getMessage(), e);
        }
    }

    private void requireValidSignature(TimeStampToken token, X509Certificate signer) {
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Crypto.bouncyCastle()).build(signer));
        } catch (TSPException | OperatorCreationException e) {
            throw new TimestampException(from() + "sent a token whose signature does not verify with "
                    + signer.getSubjectX500Principal() + ": " + e.getMessage(), e);
        }
    }

    private String from() {
        return "the TSA at " + tsaUrl + " ";
    }

    private static byte[] encoded(TimeStampRequest request) {
        try {
            return request.getEncoded();
        } catch (IOException e) {
            throw new TimestampException("cannot encode the time-stamp query", e);
        }
    }

    private X509Certificate x509(X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (GeneralSecurityException e) {
            throw new TimestampException(from() + "sent a certificate that cannot be decoded", e);
        }
    }

    private static String hex(BigInteger value) {
        return value == null ? "(none)" : value.toString(16);
    }

    private static String statusName(int status) {
        return switch (status) {
            case PKIStatus.REJECTION -> "rejection (2)";
            case PKIStatus.WAITING -> "waiting (3)";
            case PKIStatus.REVOCATION_WARNING -> "revocationWarning (4)";
            case PKIStatus.REVOCATION_NOTIFICATION -> "revocationNotification (5)";
            default -> String.valueOf(status);
        };
    }
}
