package ps.takamul.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.node.support.TestNodes;

/** A hub hosts every service's provider side; a gateway only its own member's. */
class NodeRoleTest {
    @TempDir
    Path dir;

    private Map<String, String> settings() throws Exception {
        return TestNodes.settings(dir, TestNodes.catalogue(dir), "http://127.0.0.1:1", "http://127.0.0.1:1/x",
                "http://127.0.0.1:1/x");
    }

    @Test
    void aGatewayHostsOnlyItsOwnMembersProviders() throws Exception {
        Map<String, String> settings = settings();
        settings.put("takamul.node.role", "gateway");
        settings.put("takamul.node.member", "PS/GOV/TEST");
        try (TakamulNode node = TestNodes.start(settings)) {
            assertThat(node.camel().getRoute("provider-query:PS/GOV/TEST/provider/echo/v1")).isNotNull();
            assertThat(node.camel().getRoute("provider-notify:PS/GOV/TEST/provider/payment-notification/v1")).isNotNull();
            assertThat(node.camel().getRoute("provider-query:PS/GOV/MOI/civil-registry/person-by-id/v1")).isNull();
        }
    }

    @Test
    void aHubHostsEveryProvider() throws Exception {
        try (TakamulNode node = TestNodes.start(settings())) {
            assertThat(node.camel().getRoute("provider-query:PS/GOV/TEST/provider/echo/v1")).isNotNull();
            assertThat(node.camel().getRoute("provider-query:PS/GOV/MOI/civil-registry/person-by-id/v1")).isNotNull();
        }
    }

    @Test
    void aGatewayWithoutAMemberDoesNotStart() throws Exception {
        Map<String, String> settings = settings();
        settings.put("takamul.node.role", "gateway");
        assertThatThrownBy(() -> TestNodes.start(settings)).hasMessageContaining("takamul.node.member");
    }
}
