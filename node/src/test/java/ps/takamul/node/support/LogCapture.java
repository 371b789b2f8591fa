package ps.takamul.node.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/** Captures what a logger writes, to check that refusals are logged, and logged without personal data. */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    /** Wakes {@link #awaitLine} on every line. */
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            synchronized (list) {
                super.append(event);
                list.notifyAll();
            }
        }
    };

    public LogCapture(String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        appender.start();
        logger.addAppender(appender);
    }

    public List<String> lines() {
        synchronized (appender.list) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    /**
     * The first line {@code wanted} accepts, waiting up to {@code timeout} for it: for lines
     * written on a broker thread after what the test saw (a message's move to its dead-letter
     * queue is visible before the plugin that logs it has run).
     */
    public Optional<String> awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (appender.list) {
            while (true) {
                Optional<String> found = appender.list.stream().map(ILoggingEvent::getFormattedMessage)
                        .filter(wanted).findFirst();
                long left = deadline - System.nanoTime();
                if (found.isPresent() || left <= 0) {
                    return found;
                }
                appender.list.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
