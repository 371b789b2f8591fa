package ps.takamul.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorsTest {

    @Test
    void findsAConnectorRegisteredThroughMetaInfServicesByItsType() {
        Connectors connectors = Connectors.discover();

        assertThat(connectors.get("test-echo")).get().isInstanceOf(EchoTestConnector.class);
        assertThat(connectors.all()).anySatisfy(c -> assertThat(c.type()).isEqualTo("test-echo"));
    }

    @Test
    void unknownTypeIsEmpty() {
        Connectors connectors = Connectors.discover();

        assertThat(connectors.get("no-such-connector")).isEmpty();
        assertThat(connectors.get("TEST-ECHO")).as("types are exact").isEmpty();
    }

    @Test
    void discoveredConnectorIsUsableThroughItsConfigDef() {
        Connector echo = Connectors.discover().get("test-echo").orElseThrow();

        ConnectorConfig config = echo.configDef().parse(Map.of("prefix", "echo>"));

        assertThat(config.getString("prefix")).isEqualTo("echo>");
        assertThat(echo.configDef().parse(Map.of()).getString("prefix")).isEmpty();
    }

    @Test
    void twoConnectorsClaimingOneTypeAreRefused(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("META-INF/services/" + Connector.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, EchoTestConnector.SameType.class.getName() + "\n");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                ConnectorsTest.class.getClassLoader())) {
            assertThatThrownBy(() -> Connectors.discover(loader))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("two connectors claim type 'test-echo': " + EchoTestConnector.class.getName()
                            + " and " + EchoTestConnector.SameType.class.getName());
        }
    }
}
