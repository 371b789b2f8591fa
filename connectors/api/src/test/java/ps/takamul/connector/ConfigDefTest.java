package ps.takamul.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import ps.takamul.connector.ConfigDef.Type;

class ConfigDefTest {
    private static final String KNOWN = "known: [url, timeout, retries, followRedirects, soapAction]";

    /** The kind of definition a real connector declares. */
    private static ConfigDef def() {
        return new ConfigDef()
                .required("url", Type.HTTP_URL, "where the provider listens")
                .define("timeout", Type.DURATION, "30s", "how long to wait for the provider")
                .define("retries", Type.INT, "2", "attempts after the first")
                .define("followRedirects", Type.BOOLEAN, "false", "follow 3xx answers")
                .define("soapAction", Type.STRING, "", "SOAPAction header");
    }

    private static List<String> problems(Map<String, String> settings) {
        ConnectorConfigException e = catchThrowableOfType(ConnectorConfigException.class, () -> def().parse(settings));
        assertThat(e).as("the settings must be refused").isNotNull();
        assertThat(e.getMessage()).isEqualTo(String.join("; ", e.problems()));
        return e.problems();
    }

    @Test
    void parsesEveryTypeFromCatalogueText() {
        ConnectorConfig config = def().parse(Map.of(
                "url", "https://registry.moi.local:8443/person?x=1",
                "timeout", "1500ms",
                "retries", "5",
                "followRedirects", "true",
                "soapAction", "http://takamul.ps/PersonByNationalId"));

        assertThat(config.getUrl("url")).isEqualTo(URI.create("https://registry.moi.local:8443/person?x=1"));
        assertThat(config.getDuration("timeout")).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.getInt("retries")).isEqualTo(5);
        assertThat(config.getBoolean("followRedirects")).isTrue();
        assertThat(config.getString("soapAction")).isEqualTo("http://takamul.ps/PersonByNationalId");
    }

    @Test
    void defaultsAreAppliedForMissingOrBlankSettings() {
        ConnectorConfig config = def().parse(Map.of("url", "http://registry", "retries", "  "));

        assertThat(config.getDuration("timeout")).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.getInt("retries")).isEqualTo(2);
        assertThat(config.getBoolean("followRedirects")).isFalse();
        assertThat(config.getString("soapAction")).isEmpty();
    }

    @Test
    void surroundingSpacesAreIgnored() {
        ConnectorConfig config = def().parse(Map.of("url", " http://registry ", "retries", " 7 ", "timeout", " 2m"));

        assertThat(config.getUrl("url")).isEqualTo(URI.create("http://registry"));
        assertThat(config.getInt("retries")).isEqualTo(7);
        assertThat(config.getDuration("timeout")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void requiredSettingMissingIsAnErrorQuotingItsDocumentation() {
        assertThat(problems(Map.of())).containsExactly("'url': required (where the provider listens)");
        assertThat(problems(Map.of("url", "   "))).containsExactly("'url': required (where the provider listens)");
    }

    @Test
    void unknownSettingIsAnErrorListingTheKnownOnes() {
        assertThat(problems(Map.of("url", "http://registry", "timout", "5s")))
                .containsExactly("'timout': unknown setting; " + KNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"two", "2.5", "99999999999", "0x10"})
    void badIntIsAnError(String value) {
        assertThat(problems(Map.of("url", "http://registry", "retries", value))).singleElement().asString()
                .startsWith("'retries': '" + value + "' is not a valid int: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "TRUE", "1", "on", "False"})
    void badBooleanIsAnError(String value) {
        assertThat(problems(Map.of("url", "http://registry", "followRedirects", value)))
                .containsExactly("'followRedirects': '" + value + "' is not a valid boolean: must be true or false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 seconds", "5w", "PT5S", "-1s"})
    void badDurationIsAnError(String value) {
        assertThat(problems(Map.of("url", "http://registry", "timeout", value)))
                .containsExactly("'timeout': '" + value + "' is not a valid duration: '" + value
                        + "' is not a duration such as 500ms, 5s, 2m, 1h or 1d");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://registry/person          | scheme must be http or https",
            "file:///etc/passwd             | scheme must be http or https",
            "jms:queue:person               | scheme must be http or https",
            "registry.moi.local/person      | scheme must be http or https",
            "HTTP//registry                 | scheme must be http or https",
            "http:///person                 | host is missing",
            "http://                        | Expected authority",
            "http://reg istry/person        | Illegal character in authority",
    })
    void badUrlIsAnError(String value, String reason) {
        assertThat(problems(Map.of("url", value)))
                .containsExactly("'url': '" + value + "' is not a valid http_url: " + reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://registry", "https://registry.moi.local:8443/a/b?c=d", "http://10.0.0.7:8080/"})
    void httpAndHttpsUrlsWithAHostAreAccepted(String value) {
        assertThat(def().parse(Map.of("url", value)).getUrl("url")).isEqualTo(URI.create(value));
    }

    @Test
    void everyProblemIsReportedTogether() {
        Map<String, String> settings = new HashMap<>();
        settings.put("colour", "blue");
        settings.put("adress", "http://registry");
        settings.put("retries", "many");
        settings.put("followRedirects", "yes");
        settings.put("timeout", "5 seconds");

        assertThat(problems(settings)).containsExactly(
                "'adress': unknown setting; " + KNOWN,
                "'colour': unknown setting; " + KNOWN,
                "'url': required (where the provider listens)",
                "'timeout': '5 seconds' is not a valid duration: '5 seconds' is not a duration such as 500ms, 5s, 2m, 1h or 1d",
                "'retries': 'many' is not a valid int: For input string: \"many\"",
                "'followRedirects': 'yes' is not a valid boolean: must be true or false");
    }

    @Test
    void aSettingTheConnectorDoesNotDefineCannotBeRead() {
        ConnectorConfig config = def().parse(Map.of("url", "http://registry"));

        assertThatThrownBy(() -> config.getString("password"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("setting 'password' is not defined by this connector");
    }

    @Test
    void aSettingCannotBeDefinedTwice() {
        ConfigDef def = new ConfigDef().define("url", Type.HTTP_URL, null, "x");

        assertThatThrownBy(() -> def.define("url", Type.STRING, "", "y"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("setting 'url' defined twice");
    }

    @Test
    void keysKeepDefinitionOrderAndKnowWhichAreRequired() {
        assertThat(def().keys()).extracting(ConfigDef.Key::name)
                .containsExactly("url", "timeout", "retries", "followRedirects", "soapAction");
        assertThat(def().keys()).filteredOn(ConfigDef.Key::required).extracting(ConfigDef.Key::name)
                .containsExactly("url");
    }

    @Test
    void markdownListsEveryKeyWithTypeDefaultAndMeaning() {
        String markdown = def().toMarkdown();

        assertThat(markdown.lines()).containsExactly(
                "| setting | type | default | meaning |",
                "|---|---|---|---|",
                "| `url` | http_url | *required* | where the provider listens |",
                "| `timeout` | duration | `30s` | how long to wait for the provider |",
                "| `retries` | int | `2` | attempts after the first |",
                "| `followRedirects` | boolean | `false` | follow 3xx answers |",
                "| `soapAction` | string | (empty) | SOAPAction header |");
    }
}
