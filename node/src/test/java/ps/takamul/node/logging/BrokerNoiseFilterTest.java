package ps.takamul.node.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The node's own logback.xml, loaded into a context of its own. What its console appender would
 * write is read from an appender beside it that carries the console's filters.
 */
class BrokerNoiseFilterTest {
    private final LoggerContext context = new LoggerContext();
    private final ListAppender<ILoggingEvent> console = new ListAppender<>();

    @BeforeEach
    void configure() throws Exception {
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(BrokerNoiseFilter.class.getResource("/logback.xml"));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> shipped = root.getAppender("CONSOLE");
        shipped.getCopyOfAttachedFiltersList().forEach(console::addFilter);
        console.setContext(context);
        console.start();
        root.detachAppender(shipped);
        root.addAppender(console);
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private List<String> written() {
        return console.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void brokerLinesThatPrintAMessagesPropertiesAreNotWritten() {
        Logger broker = context.getLogger("org.apache.activemq.artemis.core.server");
        broker.warn("AMQ222149: Sending message {} to Dead Letter Address {} from {}", "national_id=401234567", "DLA", "q");
        broker.warn("AMQ222059: Duplicate message detected through the bridge - message will not be routed. Message "
                + "information: {}", "name=حسن عيسى ياسين");
        broker.warn("AMQ222150: Sending expired reference {} to address {}", "national_id=401234567", "expiry");
        broker.warn("AMQ222010: Critical IO Error, shutting down");

        assertThat(written()).containsExactly("AMQ222010: Critical IO Error, shutting down");
    }

    @Test
    void theNodesOwnLinesAreWrittenWhateverTheySay() {
        // The same code from a logger outside the broker is not the broker's noise.
        context.getLogger("takamul.dead-letter").warn("AMQ222149 as text in the node's own line");

        assertThat(written()).containsExactly("AMQ222149 as text in the node's own line");
    }

    @Test
    void noTurboFilterRunsOnEveryLoggerCall() {
        // A turbo filter would be asked on every isTraceEnabled() of Artemis, Camel and Vert.x.
        assertThat(context.getTurboFilterList()).isEmpty();
        assertThat(context.getLogger("org.apache.activemq.artemis.core.journal").isTraceEnabled()).isFalse();
    }
}
