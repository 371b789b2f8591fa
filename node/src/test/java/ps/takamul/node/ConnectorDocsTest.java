package ps.takamul.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import ps.takamul.connector.Connector;
import ps.takamul.connector.Connectors;
import ps.takamul.node.support.TestNodes;

/**
 * The settings tables in docs/connectors.md are the connectors' own config definitions: a
 * setting added, renamed or re-documented in code and not in the docs fails here.
 */
class ConnectorDocsTest {
    @Test
    void docsShowEveryConnectorsSettingsAsDeclared() throws Exception {
        String docs = Files.readString(TestNodes.REPO.resolve("docs/connectors.md"));
        assertThat(Connectors.discover().all()).extracting(Connector::type).contains("http", "soap", "camel");
        for (Connector connector : Connectors.discover().all()) {
            assertThat(docs).as("docs/connectors.md table of connector '%s'", connector.type())
                    .contains(connector.configDef().toMarkdown());
        }
    }
}
