package ps.takamul.node.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Set;
import org.slf4j.Marker;

/**
 * Drops the Artemis log lines that print a message's properties (dead-lettering, duplicates,
 * expiry): the properties of a request may name a person. Takamul logs these events itself,
 * without the personal data. Also drops one line of shutdown noise. Installed in logback.xml.
 */
public final class BrokerNoiseFilter extends TurboFilter {
    /**
     * AMQ222149 sent to dead-letter address, AMQ222059 duplicate detected, AMQ222150 expiry; and
     * AMQ224048, a temporary reply queue removed while the broker shuts down, which is harmless.
     */
    private static final Set<String> CODES = Set.of("AMQ222149", "AMQ222059", "AMQ222150", "AMQ224048");

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (format != null && format.length() > 9 && logger.getName().startsWith("org.apache.activemq")
                && CODES.contains(format.substring(0, 9))) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
