package ps.takamul.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import ps.takamul.core.Durations;

/** Durations as operators write them in the catalogue ({@code sla.timeout}), agreements and connector settings. */
class DurationsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "500ms  | 500",
            "5s     | 5000",
            "2m     | 120000",
            "1500   | 1500",
            "0      | 0",
            "' 5s ' | 5000",
            "5 s    | 5000",
            "999999999m | 59999999940000",
            "5h         | 18000000",
            "1d         | 86400000",
    })
    void parses(String text, long millis) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"500us | 500", "100 us | 100", "999999999us | 999999999"})
    void parsesMicroseconds(String text, long micros) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofNanos(micros * 1000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 seconds", "5µs", "5u", "5w", "1y", "1.5s", "-5s", "s", "ms", "", "  ", "5sec", "PT5S",
            "five", "5ms5", "1234567890", "٥s"})
    void rejectsAnythingElseNamingTheInput(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a duration such as 500ms, 5s, 2m, 1h or 1d");
    }
}
