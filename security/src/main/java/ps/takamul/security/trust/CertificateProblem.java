package ps.takamul.security.trust;

/** Why a certificate was refused; each maps to one error code clients see. */
public enum CertificateProblem {
    /** No path to a configured trust anchor: unknown CA, forged or wrongly issued chain. */
    UNTRUSTED,
    EXPIRED,
    NOT_YET_VALID,
    REVOKED,
    /** Not a member-signing certificate: key usage, extended key usage or policy say otherwise. */
    WRONG_USAGE,
    /** SHA-1, RSA below 2048 bits, a curve outside the policy, anywhere in the chain. */
    WEAK_ALGORITHM,
    /** Neither OCSP nor a CRL could say whether the certificate is revoked. */
    REVOCATION_UNAVAILABLE
}
