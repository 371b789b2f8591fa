package ps.takamul.routes.exchange;

import org.apache.camel.ExchangeTimedOutException;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;

/** Maps whatever went wrong to the error the client is told. */
public final class Errors {
    private Errors() {
    }

    public static TakamulException classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TakamulException known) {
                return known;
            }
            if (t instanceof ExchangeTimedOutException) {
                return new TakamulException(ErrorCode.PROVIDER_TIMEOUT,
                        "no answer from the provider side in time", failure);
            }
            if (t instanceof jakarta.jms.JMSException || t instanceof org.springframework.jms.JmsException) {
                return new TakamulException(ErrorCode.BROKER_UNAVAILABLE,
                        "the message broker did not take the request", failure);
            }
        }
        return new TakamulException(ErrorCode.INTERNAL_ERROR, "internal error", failure);
    }
}
