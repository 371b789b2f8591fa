package ps.takamul.core.agreement;

import java.util.List;
import java.util.Objects;

/**
 * Cuts a provider's response down to the fields a consumer's data-sharing agreement allows.
 *
 * <p>A ministry may receive only what its agreement names, so the bus reduces the body before it
 * leaves the node rather than trusting the provider to tailor each answer. Implementations are
 * immutable and safe to share between threads: compile the agreement once, reduce many bodies.
 */
public interface FieldFilter {

    /**
     * Reduces one response body.
     *
     * @throws IllegalArgumentException if the body is not a well-formed document of this filter's format
     */
    Reduced reduce(byte[] body);

    /**
     * The reduced body and what was taken out of it, so the exchange log can show which fields the
     * agreement withheld without storing their values.
     *
     * @param body the reduced document, UTF-8
     * @param removed the paths of the dropped fields, in document order, each the top of a dropped subtree
     */
    record Reduced(byte[] body, List<String> removed) {
        public Reduced {
            Objects.requireNonNull(body, "body");
            removed = List.copyOf(removed);
        }
    }
}
