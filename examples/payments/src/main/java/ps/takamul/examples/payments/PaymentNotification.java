package ps.takamul.examples.payments;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/**
 * What the national bill-payment system (in the manner of Jordan's e-fawateercom) tells the
 * ministry that issued a bill: this bill was paid, by whom, how much, under which transaction.
 * The transaction id is unique per payment; a notification sent twice carries the same one.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentNotification(
        String transactionId,
        String billNumber,
        BigDecimal amount,
        String currency,
        String paidAt,
        String payerName,
        String channel) {

    /** The fields without which a notification cannot be booked. */
    String problem() {
        if (transactionId == null || transactionId.isBlank()) {
            return "transactionId is required";
        }
        if (billNumber == null || billNumber.isBlank()) {
            return "billNumber is required";
        }
        if (amount == null || amount.signum() <= 0) {
            return "amount must be a positive number";
        }
        return null;
    }
}
