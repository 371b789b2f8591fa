package ps.takamul.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.core.identifier.MemberId;
import ps.takamul.node.support.Http;
import ps.takamul.node.support.SignedRest;
import ps.takamul.node.support.TestNodes;
import ps.takamul.node.support.TestPki;
import ps.takamul.node.support.TestProvider;
import ps.takamul.security.pki.Identity;
import ps.takamul.security.pki.InstanceCa;
import ps.takamul.security.pki.Profile;
import ps.takamul.security.sign.SigningKey;

/** A captured signed request replayed after the node restarts is still refused: the seen ids are on disk. */
class ReplayAcrossRestartTest {
    @TempDir
    Path dir;

    @Test
    void aReplayAfterARestartIsRefused() throws Exception {
        InstanceCa ca = InstanceCa.init(dir.resolve("ca"), "PS", Duration.ofDays(30), TestPki.PASSWORD, null);
        SigningKey moh = TestPki.signingKey(TestPki.issue(ca, Profile.MEMBER_SIGNING, Identity.member(MemberId.parse("PS/GOV/MOH")), dir.resolve("moh")));
        Path providerKey = TestPki.issue(ca, Profile.MEMBER_SIGNING, Identity.member(MemberId.parse("PS/GOV/TEST")), dir.resolve("test"));
        try (TestProvider provider = new TestProvider()) {
            Map<String, String> settings = TestNodes.settings(dir, TestNodes.catalogue(dir), provider.url(), "http://127.0.0.1:1", "http://127.0.0.1:1");
            settings.put("takamul.node.role", "gateway");
            settings.put("takamul.node.member", "PS/GOV/TEST");
            settings.put("takamul.http.port", String.valueOf(TestNodes.freePort()));
            TestPki.signatures(settings, ca, dir, providerKey.toString());

            SignedRest.Request captured;
            try (TakamulNode node = TestNodes.start(settings)) {
                captured = SignedRest.post(node.restBaseUrl() + "/PS/GOV/TEST/provider/echo/v1", moh,
                        "PS/GOV/MOH/health-records", "restart-1", "{\"اسم\":\"سلمى\"}".getBytes(StandardCharsets.UTF_8));
                assertThat(Http.send(captured.build()).statusCode()).isEqualTo(200);
            }
            try (TakamulNode restarted = TestNodes.start(settings)) {
                HttpResponse<byte[]> replay = Http.send(captured.build());
                assertThat(replay.statusCode()).isEqualTo(409);
                assertThat(new ObjectMapper().readTree(replay.body()).path("code").asText()).isEqualTo("Client.MessageReplayed");
            }
        }
    }
}
