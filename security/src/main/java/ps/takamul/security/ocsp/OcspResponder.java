package ps.takamul.security.ocsp;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import ps.takamul.security.pki.CaIndex;
import ps.takamul.security.pki.Crypto;
import ps.takamul.security.pki.RevocationReason;

/**
 * The hub's OCSP responder (RFC 6960) for one issuing CA, on Bouncy Castle: answers each entry of
 * a DER request with good, revoked (time and reason) or unknown, from the CA's own records, and
 * signs the answer with a delegated {@code ocsp}-profile key (or the CA key itself).
 *
 * <p>Responses are made fresh for every request: thisUpdate is now, nextUpdate now + the
 * configured validity, the request's nonce is echoed. The CA's index is the source, so a
 * revocation is answered as soon as it is recorded, long before the next CRL.
 */
public final class OcspResponder {
    /** More entries than any client sends at once; a request asking for more is refused. */
    private static final int MAX_ENTRIES = 32;

    private final X509CertificateHolder issuer;
    private final ContentSigner signer;
    private final X509CertificateHolder[] chain;
    private final RespID responderId;
    private final IssuedCertificates issued;
    private final Duration validity;
    private final DigestCalculatorProvider digests;
    private final Clock clock;

    /**
     * @param issuingCa the CA whose certificates this responder answers for
     * @param key       the responder's signing key
     * @param chain     the responder's certificate first (an {@code ocsp}-profile certificate the
     *                  issuing CA issued, or the issuing CA's own), then the CAs above it; all go
     *                  into every response so clients can verify it with the root alone
     * @param issued    the CA's records, e.g. {@link IssuedCertificates#fromIndex}
     * @param validity  how long a response may be relied on: nextUpdate = now + validity
     */
    public OcspResponder(X509Certificate issuingCa, PrivateKey key, X509Certificate[] chain,
                         IssuedCertificates issued, Duration validity) {
        this(issuingCa, key, chain, issued, validity, Clock.systemUTC());
    }

    OcspResponder(X509Certificate issuingCa, PrivateKey key, X509Certificate[] chain, IssuedCertificates issued,
                  Duration validity, Clock clock) {
        if (validity == null || validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("the response validity must be positive");
        }
        try {
            this.issuer = new JcaX509CertificateHolder(issuingCa);
            this.chain = Arrays.stream(chain).map(OcspResponder::holder).toArray(X509CertificateHolder[]::new);
            this.digests = new JcaDigestCalculatorProviderBuilder().setProvider(Crypto.bouncyCastle()).build();
            this.responderId = new RespID(this.chain[0].getSubjectPublicKeyInfo(), digests.get(RespID.HASH_SHA1));
            this.signer = new JcaContentSignerBuilder(Crypto.signatureAlgorithm(key)).setProvider(Crypto.bouncyCastle())
                    .build(key);
        } catch (CertificateEncodingException | OperatorCreationException | OCSPException e) {
            throw new IllegalArgumentException("cannot set up the OCSP responder: " + e.getMessage(), e);
        }
        ResponderCertificate.require(this.chain[0], this.issuer);
        this.issued = issued;
        this.validity = validity;
        this.clock = clock;
    }

    /**
     * Answers a DER OCSP request with a DER OCSP response. A request that cannot be parsed, or
     * has no entries or too many, is answered MALFORMED_REQUEST rather than with an exception:
     * that is how OCSP clients expect to hear it.
     */
    public byte[] respond(byte[] derRequest) {
        Optional<OCSPReq> request = parse(derRequest);
        if (request.isEmpty()) {
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        try {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Date thisUpdate = Date.from(now);
            Date nextUpdate = Date.from(now.plus(validity));
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(responderId);
            for (Req entry : request.get().getRequestList()) {
                builder.addResponse(entry.getCertID(), statusOf(entry.getCertID()), thisUpdate, nextUpdate, null);
            }
            Extension nonce = request.get().getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, builder.build(signer, chain, thisUpdate))
                    .getEncoded();
        } catch (OCSPException | IOException | RuntimeException e) {
            return status(OCSPRespBuilder.INTERNAL_ERROR);
        }
    }

    private Optional<OCSPReq> parse(byte[] der) {
        try {
            OCSPReq request = new OCSPReq(der);
            int entries = request.getRequestList().length;
            return entries == 0 || entries > MAX_ENTRIES ? Optional.empty() : Optional.of(request);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private CertificateStatus statusOf(CertificateID id) throws OCSPException {
        if (!id.matchesIssuer(issuer, digests)) {
            return new UnknownStatus();
        }
        Optional<CaIndex.Entry> entry = issued.find(id.getSerialNumber());
        if (entry.isEmpty()) {
            return new UnknownStatus();
        }
        if (entry.get().revoked()) {
            return new RevokedStatus(Date.from(Instant.parse(entry.get().revokedAt())),
                    RevocationReason.of(entry.get().reason()).code());
        }
        return CertificateStatus.GOOD;
    }

    private static byte[] status(int status) {
        try {
            return new OCSPRespBuilder().build(status, null).getEncoded();
        } catch (OCSPException | IOException e) {
            throw new IllegalStateException("cannot encode an OCSP status response", e);
        }
    }

    private static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new JcaX509CertificateHolder(certificate);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot encode " + certificate.getSubjectX500Principal(), e);
        }
    }
}
