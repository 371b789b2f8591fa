package ps.takamul.security.pki;

import java.time.Duration;

/**
 * What the CA operator asks for when signing a CSR.
 *
 * @param identity who the certificate is for; null to take it from the CSR
 */
public record IssueRequest(Profile profile, Duration validity, Identity identity) {

    public IssueRequest {
        if (profile == null) {
            throw new PkiException("a profile is required");
        }
    }

    public static IssueRequest of(Profile profile, Duration validity) {
        return new IssueRequest(profile, validity, null);
    }

    public IssueRequest forIdentity(Identity given) {
        return new IssueRequest(profile, validity, given);
    }
}
