package ps.takamul.security.pki;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x509.CRLReason;

/**
 * The RFC 5280 reason codes an operator may give. certificateHold is left out on purpose:
 * every revocation here is final, so a relying party never has to re-check a "suspended" one.
 */
public enum RevocationReason {
    UNSPECIFIED("unspecified", CRLReason.unspecified),
    KEY_COMPROMISE("key-compromise", CRLReason.keyCompromise),
    CA_COMPROMISE("ca-compromise", CRLReason.cACompromise),
    AFFILIATION_CHANGED("affiliation-changed", CRLReason.affiliationChanged),
    SUPERSEDED("superseded", CRLReason.superseded),
    CESSATION_OF_OPERATION("cessation-of-operation", CRLReason.cessationOfOperation),
    PRIVILEGE_WITHDRAWN("privilege-withdrawn", CRLReason.privilegeWithdrawn);

    private final String label;
    private final int code;

    RevocationReason(String label, int code) {
        this.label = label;
        this.code = code;
    }

    public static RevocationReason of(String label) {
        return Arrays.stream(values()).filter(r -> r.label.equals(label)).findFirst()
                .orElseThrow(() -> new PkiException("unknown revocation reason '" + label + "'; expected one of "
                        + Arrays.stream(values()).map(RevocationReason::label).collect(Collectors.joining(", "))));
    }

    public String label() {
        return label;
    }

    public int code() {
        return code;
    }

    @Override
    public String toString() {
        return label;
    }
}
