package ps.takamul.node.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Set;

/**
 * Drops the Artemis log lines that print a message's properties (dead-lettering, duplicates,
 * expiry): the properties of a request may name a person. Takamul logs these events itself,
 * without the personal data. Also drops one line of shutdown noise. Attached to the console
 * appender in logback.xml.
 *
 * <p>An appender filter, not a turbo filter: a turbo filter runs on every logger call, including
 * the {@code isTraceEnabled()} checks Artemis, Camel and Vert.x make several times per message
 * (about 5-8 µs of CPU per exchange in {@code bench/profile.sh}); this one runs only on lines that
 * are already going to be written.
 */
public final class BrokerNoiseFilter extends Filter<ILoggingEvent> {
    /**
     * AMQ222149 sent to dead-letter address, AMQ222059 duplicate detected, AMQ222150 expiry; and
     * AMQ224048, a temporary reply queue removed while the broker shuts down, which is harmless.
     */
    private static final Set<String> CODES = Set.of("AMQ222149", "AMQ222059", "AMQ222150", "AMQ224048");

    @Override
    public FilterReply decide(ILoggingEvent event) {
        String format = event.getMessage();
        if (format != null && format.length() > 9 && event.getLoggerName().startsWith("org.apache.activemq")
                && CODES.contains(format.substring(0, 9))) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
