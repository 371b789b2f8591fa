package ps.takamul.routes.agreement;

import java.util.List;
import org.apache.camel.Exchange;
import ps.takamul.core.agreement.DataSharingAgreement;

/**
 * Why a request was served and what its answer lost: the agreement that allowed it and the
 * response fields that agreement withheld. Kept on the exchange for the exchange log and the
 * audit record; it names fields, never their values.
 *
 * @param removedFields paths of the withheld fields (JSON Pointers or element paths), empty until
 *                      the answer is reduced
 */
public record AgreementDecision(DataSharingAgreement agreement, List<String> removedFields) {
    static final String PROPERTY = "takamul.agreement";

    public AgreementDecision {
        removedFields = List.copyOf(removedFields);
    }

    /** The decision of this exchange, or null when none was made (a refusal before the agreement check). */
    public static AgreementDecision of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, AgreementDecision.class);
    }

    void attachTo(Exchange exchange) {
        exchange.setProperty(PROPERTY, this);
    }

    AgreementDecision withRemoved(List<String> removed) {
        return new AgreementDecision(agreement, removed);
    }
}
