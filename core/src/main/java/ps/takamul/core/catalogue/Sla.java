package ps.takamul.core.catalogue;

import java.time.Duration;

/**
 * What a provider promises about time.
 *
 * @param timeout         how long the connector waits for the provider's answer (the ingress waits
 *                        this plus the reply margin)
 * @param expectedLatency how long an answer usually takes, for monitoring; null when not stated
 */
public record Sla(Duration timeout, Duration expectedLatency) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Sla DEFAULT = new Sla(DEFAULT_TIMEOUT, null);
}
