package ps.takamul.core.protocol;

/**
 * Every error the bus answers with. The code is stable: clients branch on it, auditors count it.
 * It travels in the {@code X-Road-Error} header and the problem document ({@code code}) for REST,
 * and as the {@code faultcode} of a SOAP Fault. The prefix says whose fault it is, as in X-Road:
 * {@code Client.*} the caller can fix, {@code Server.*} it cannot.
 */
public enum ErrorCode {
    INVALID_IDENTIFIER("Client.InvalidIdentifier", 400, "Malformed identifier"),
    MISSING_HEADER("Client.MissingHeader", 400, "Required header missing"),
    INVALID_BODY("Client.InvalidBody", 400, "Malformed request body"),
    INVALID_REQUEST("Client.InvalidRequest", 400, "Request does not fit the service"),
    FORBIDDEN_XML("Client.ForbiddenXml", 400, "XML with a DOCTYPE or entity declaration"),
    BODY_TOO_LARGE("Client.BodyTooLarge", 413, "Request body too large"),
    UNKNOWN_CLIENT("Client.UnknownClient", 403, "Unknown client"),
    CERTIFICATE_REQUIRED("Client.CertificateRequired", 403, "A client certificate is required"),
    CERTIFICATE_MISMATCH("Client.CertificateMismatch", 403, "Client certificate is not the calling client's"),
    SIGNATURE_REQUIRED("Client.SignatureRequired", 403, "The message must be signed"),
    SIGNATURE_INVALID("Client.SignatureInvalid", 403, "Signature does not verify"),
    DIGEST_MISMATCH("Client.DigestMismatch", 403, "Body does not match its signed digest"),
    SIGNER_MISMATCH("Client.SignerMismatch", 403, "Signed by a member other than the client's"),
    CERTIFICATE_UNTRUSTED("Client.CertificateUntrusted", 403, "Certificate not issued by a trusted CA"),
    CERTIFICATE_EXPIRED("Client.CertificateExpired", 403, "Certificate expired"),
    CERTIFICATE_NOT_YET_VALID("Client.CertificateNotYetValid", 403, "Certificate not yet valid"),
    CERTIFICATE_REVOKED("Client.CertificateRevoked", 403, "Certificate revoked"),
    CERTIFICATE_USAGE("Client.CertificateUsage", 403, "Certificate not issued for signing messages"),
    WEAK_ALGORITHM("Client.WeakAlgorithm", 403, "Algorithm or key too weak"),
    MESSAGE_REPLAYED("Client.MessageReplayed", 409, "Message id already used"),
    MESSAGE_STALE("Client.MessageStale", 403, "Signature time outside the allowed window"),
    NO_AGREEMENT("Client.NoAgreement", 403, "No data-sharing agreement covers this request"),
    AGREEMENT_EXPIRED("Client.AgreementExpired", 403, "The data-sharing agreement has expired"),
    AGREEMENT_NOT_YET_VALID("Client.AgreementNotYetValid", 403, "The data-sharing agreement is not in force yet"),
    OPERATION_NOT_COVERED("Client.OperationNotCovered", 403, "The agreement does not cover this operation"),
    PURPOSE_REQUIRED("Client.PurposeRequired", 403, "The request must state its purpose"),
    PURPOSE_NOT_ALLOWED("Client.PurposeNotAllowed", 403, "The agreement does not allow this purpose"),
    RATE_LIMITED("Client.RateLimited", 429, "Too many requests under the agreement's rate limit"),
    QUOTA_EXCEEDED("Client.QuotaExceeded", 429, "The agreement's quota for this period is used up"),
    UNKNOWN_SERVICE("Client.UnknownService", 404, "Unknown service"),
    METHOD_NOT_ALLOWED("Client.MethodNotAllowed", 405, "Method not allowed for this service"),
    PROTOCOL_MISMATCH("Client.ProtocolMismatch", 400, "Service is offered over the other protocol"),
    PROVIDER_UNAVAILABLE("Server.ProviderUnavailable", 502, "Service provider unreachable"),
    PROVIDER_TIMEOUT("Server.ProviderTimeout", 504, "Service provider did not answer in time"),
    PROVIDER_FAULT("Server.ProviderFault", 502, "Service provider answered with a fault"),
    BROKER_UNAVAILABLE("Server.BrokerUnavailable", 503, "Message broker unavailable"),
    REVOCATION_UNAVAILABLE("Server.RevocationUnavailable", 503, "Certificate status cannot be checked"),
    RESPONSE_NOT_REDUCIBLE("Server.ResponseNotReducible", 502, "The answer cannot be reduced to the agreed fields"),
    AUDIT_UNAVAILABLE("Server.AuditUnavailable", 503, "The audit log cannot record the exchange"),
    UNAUTHENTICATED("Client.Unauthenticated", 401, "Authentication required"),
    ROLE_FORBIDDEN("Client.RoleForbidden", 403, "Your role does not allow this"),
    NOT_FOUND("Client.NotFound", 404, "Not found"),
    INTERNAL_ERROR("Server.InternalError", 500, "Internal error");

    private final String code;
    private final int httpStatus;
    private final String title;

    ErrorCode(String code, int httpStatus, String title) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }

    public boolean isClientFault() {
        return code.startsWith("Client.");
    }

    /** The problem type URI; it names the code's entry (anchor) in docs/protocol.md. */
    public String typeUri() {
        return "https://takamul.ps/errors/" + code;
    }

    public static ErrorCode fromCode(String code) {
        for (ErrorCode e : values()) {
            if (e.code.equals(code)) {
                return e;
            }
        }
        return INTERNAL_ERROR;
    }
}
