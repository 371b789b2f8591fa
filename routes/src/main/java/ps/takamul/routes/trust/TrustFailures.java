package ps.takamul.routes.trust;

import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;
import ps.takamul.security.trust.CertificateRejectedException;

/** Turns a certificate refusal into the error the client is told. */
public final class TrustFailures {
    private TrustFailures() {
    }

    public static TakamulException of(CertificateRejectedException e) {
        ErrorCode code = switch (e.problem()) {
            case UNTRUSTED -> ErrorCode.CERTIFICATE_UNTRUSTED;
            case EXPIRED -> ErrorCode.CERTIFICATE_EXPIRED;
            case NOT_YET_VALID -> ErrorCode.CERTIFICATE_NOT_YET_VALID;
            case REVOKED -> ErrorCode.CERTIFICATE_REVOKED;
            case WRONG_USAGE -> ErrorCode.CERTIFICATE_USAGE;
            case WEAK_ALGORITHM -> ErrorCode.WEAK_ALGORITHM;
            case REVOCATION_UNAVAILABLE -> ErrorCode.REVOCATION_UNAVAILABLE;
        };
        return new TakamulException(code, e.getMessage(), e);
    }
}
