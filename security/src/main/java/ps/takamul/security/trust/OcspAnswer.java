package ps.takamul.security.trust;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import ps.takamul.security.pki.Crypto;
import ps.takamul.security.pki.RevocationReason;

/**
 * What an OCSP response says about one certificate, believed only once the response is proved
 * to come from the CA: signed by the issuing CA itself, or by a responder certificate that the
 * same CA issued for id-kp-OCSPSigning (RFC 6960 section 4.2.2.2), with our nonce when it echoes
 * one, and current: thisUpdate not in the future, nextUpdate not in the past.
 *
 * @param revokedAt null when the certificate is good
 * @param expires   when this answer is stale: the response's nextUpdate, or thisUpdate + maxAge
 */
record OcspAnswer(Instant revokedAt, String reason, Instant expires) {
    /** Clocks differ; a response this far from ours is still current. */
    static final Duration SKEW = Duration.ofMinutes(5);

    boolean revoked() {
        return revokedAt != null;
    }

    static OcspAnswer read(byte[] der, CertificateID id, X509CertificateHolder issuer, ASN1OctetString nonce,
                           DigestCalculatorProvider digests, Instant now, Duration maxAge) {
        BasicOCSPResp basic = basicResponse(der);
        X509CertificateHolder responder = authorisedResponder(basic, issuer, digests, now);
        verifySignature(basic, responder);
        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (echoed != null && !echoed.getExtnValue().equals(nonce)) {
            throw unavailable("the OCSP response carries another request's nonce");
        }
        SingleResp single = Arrays.stream(basic.getResponses()).filter(r -> r.getCertID().equals(id)).findFirst()
                .orElseThrow(() -> unavailable("the OCSP response says nothing about serial " + id.getSerialNumber()));
        Instant thisUpdate = single.getThisUpdate().toInstant();
        Instant nextUpdate = single.getNextUpdate() == null ? thisUpdate.plus(maxAge) : single.getNextUpdate().toInstant();
        if (thisUpdate.isAfter(now.plus(SKEW))) {
            throw unavailable("the OCSP response is dated in the future (" + thisUpdate + ")");
        }
        if (nextUpdate.isBefore(now.minus(SKEW))) {
            throw unavailable("the OCSP response is stale (next update was " + nextUpdate + ")");
        }
        CertificateStatus status = single.getCertStatus();
        if (status == CertificateStatus.GOOD) {
            return new OcspAnswer(null, null, nextUpdate);
        }
        if (status instanceof RevokedStatus revoked) {
            String reason = revoked.hasRevocationReason() ? reasonName(revoked.getRevocationReason()) : "unspecified";
            return new OcspAnswer(revoked.getRevocationTime().toInstant(), reason, nextUpdate);
        }
        throw unavailable("the OCSP responder does not know serial " + id.getSerialNumber().toString(16));
    }

    private static BasicOCSPResp basicResponse(byte[] der) {
        try {
            OCSPResp response = new OCSPResp(der);
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                throw unavailable("the OCSP responder answered with status " + response.getStatus());
            }
            if (!(response.getResponseObject() instanceof BasicOCSPResp basic)) {
                throw unavailable("the OCSP response is not a basic response");
            }
            return basic;
        } catch (IOException | OCSPException | RuntimeException e) {
            if (e instanceof CertificateRejectedException rejected) {
                throw rejected;
            }
            throw unavailable("the OCSP response is unreadable: " + e.getMessage());
        }
    }

    private static X509CertificateHolder authorisedResponder(BasicOCSPResp basic, X509CertificateHolder issuer,
                                                             DigestCalculatorProvider digests, Instant now) {
        if (signedBy(basic.getResponderId(), issuer, digests)) {
            return issuer;
        }
        for (X509CertificateHolder candidate : basic.getCerts()) {
            if (signedBy(basic.getResponderId(), candidate, digests)) {
                requireDelegatedBy(candidate, issuer, now);
                return candidate;
            }
        }
        throw unavailable("the OCSP response is signed by neither the CA nor a responder it delegated to");
    }

    private static void requireDelegatedBy(X509CertificateHolder responder, X509CertificateHolder issuer, Instant now) {
        ExtendedKeyUsage usage = ExtendedKeyUsage.fromExtensions(responder.getExtensions());
        boolean issued;
        try {
            issued = responder.getIssuer().equals(issuer.getSubject()) && responder.isSignatureValid(
                    new JcaContentVerifierProviderBuilder().setProvider(Crypto.bouncyCastle()).build(issuer));
        } catch (Exception e) {
            issued = false;
        }
        if (!issued || usage == null || !usage.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)
                || !responder.isValidOn(Date.from(now))) {
            throw unavailable("the OCSP responder " + responder.getSubject()
                    + " is not an OCSP-signing certificate of the issuing CA valid now");
        }
    }

    private static boolean signedBy(RespID responderId, X509CertificateHolder certificate,
                                    DigestCalculatorProvider digests) {
        try {
            return responderId.equals(new RespID(certificate.getSubject()))
                    || responderId.equals(new RespID(certificate.getSubjectPublicKeyInfo(), digests.get(RespID.HASH_SHA1)));
        } catch (OCSPException | OperatorCreationException e) {
            return false;
        }
    }

    private static void verifySignature(BasicOCSPResp basic, X509CertificateHolder responder) {
        boolean valid;
        try {
            valid = basic.isSignatureValid(
                    new JcaContentVerifierProviderBuilder().setProvider(Crypto.bouncyCastle()).build(responder));
        } catch (OCSPException | OperatorCreationException | CertificateException e) {
            valid = false;
        }
        if (!valid) {
            throw unavailable("the OCSP response signature does not verify");
        }
    }

    /** The reason as {@code takamul-pki ca revoke} spells it. */
    static String reasonName(int code) {
        return Arrays.stream(RevocationReason.values()).filter(r -> r.code() == code).map(RevocationReason::label)
                .findFirst().orElse("reason " + code);
    }

    static CertificateRejectedException unavailable(String message) {
        return new CertificateRejectedException(CertificateProblem.REVOCATION_UNAVAILABLE, message);
    }

    static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new X509CertificateHolder(certificate.getEncoded());
        } catch (IOException | CertificateEncodingException e) {
            throw unavailable("the issuer certificate cannot be encoded");
        }
    }
}
