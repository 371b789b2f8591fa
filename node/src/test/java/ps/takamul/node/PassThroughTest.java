package ps.takamul.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ps.takamul.node.support.Http;
import ps.takamul.node.support.TestNodes;
import ps.takamul.node.support.TestProvider;

/**
 * A REST exchange passes through the node unchanged: method, path below the service, query and
 * body (Arabic included) byte for byte both ways, X-Road headers to the provider, and nothing
 * internal, neither the broker's headers nor the provider's own, back to the client.
 */
class PassThroughTest {
    @TempDir
    static Path dir;
    static TestProvider provider;
    static TakamulNode node;

    @BeforeAll
    static void start() throws Exception {
        provider = new TestProvider();
        node = TestNodes.start(TestNodes.settings(dir, TestNodes.catalogue(dir), provider.url(),
                "http://127.0.0.1:1/unused", "http://127.0.0.1:1/unused"));
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
        provider.close();
    }

    @Test
    void arabicJsonBodyPathAndQueryArriveByteForByte() throws Exception {
        byte[] body = "{\"الاسم\":\"محمد عبد الرحيم\",\"note\":\"ﷺ ‎mixed‏ «تكامل»\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> response = Http.send(Http.post(node.restBaseUrl()
                        + "/PS/GOV/TEST/provider/echo/v1/cases/2026/%D8%A3?lang=ar&q=%D9%85", "PS/GOV/MOH/health-records",
                "application/json; charset=UTF-8", body)
                .header("X-Road-Id", "echo-1").header("X-Road-UserId", "PS-user-1").header("X-Road-Issue", "case-7")
                .header("Takamul-Purpose", "treatment"));

        TestProvider.Received received = provider.nextEcho();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/echo/cases/2026/%D8%A3");
        assertThat(received.query()).isEqualTo("lang=ar&q=%D9%85");
        assertThat(received.body()).isEqualTo(body);
        assertThat(received.header("X-Road-Client")).isEqualTo("PS/GOV/MOH/health-records");
        assertThat(received.header("X-Road-Service")).isEqualTo("PS/GOV/TEST/provider/echo/v1");
        assertThat(received.header("X-Road-Id")).isEqualTo("echo-1");
        assertThat(received.header("X-Road-UserId")).isEqualTo("PS-user-1");
        assertThat(received.header("X-Road-Issue")).isEqualTo("case-7");
        assertThat(received.header("Takamul-Purpose")).isEqualTo("treatment");
        assertThat(received.headers().keySet()).noneMatch(h -> h.toLowerCase().startsWith("takamul")
                && !h.equalsIgnoreCase("Takamul-Purpose")).noneMatch(h -> h.toLowerCase().startsWith("jms"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(body);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=UTF-8");
        assertThat(response.headers().map().keySet())
                .noneMatch(h -> h.toLowerCase().startsWith("jms") || h.toLowerCase().startsWith("takamul")
                        || h.toLowerCase().startsWith("camel") || h.equalsIgnoreCase("X-Provider-Secret"));
    }

    @Test
    void memberWideGrantLetsEverySubsystemOfTheMemberCall() throws Exception {
        HttpResponse<byte[]> response = Http.send(Http.post(node.restBaseUrl() + "/PS/GOV/TEST/provider/echo/v1",
                "PS/GOV/MOF/e-payments", "text/plain; charset=UTF-8", "مرحبا".getBytes(StandardCharsets.UTF_8)));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("مرحبا");
        provider.nextEcho();
    }

    @Test
    void generatedMessageIdWhenTheClientSendsNone() throws Exception {
        HttpResponse<byte[]> response = Http.send(Http.get(node.restBaseUrl() + "/PS/GOV/TEST/provider/echo/v1",
                "PS/GOV/MOH/health-records"));
        assertThat(response.statusCode()).isEqualTo(200);
        String id = response.headers().firstValue("X-Road-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(provider.nextEcho().header("X-Road-Id")).isEqualTo(id);
    }
}
