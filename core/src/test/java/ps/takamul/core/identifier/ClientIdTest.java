package ps.takamul.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientIdTest {

    @Test
    void memberClientHasNoSubsystem() {
        ClientId client = ClientId.parse("PS/GOV/MOH");

        assertThat(client.member()).isEqualTo(MemberId.parse("PS/GOV/MOH"));
        assertThat(client.isSubsystem()).isFalse();
        assertThat(client.subsystemCode()).isNull();
        assertThat(client.asSubsystem()).isNull();
        assertThat(client).hasToString("PS/GOV/MOH");
    }

    @Test
    void subsystemClientNamesItsSubsystem() {
        ClientId client = ClientId.parse("PS/GOV/MOH/health-records");

        assertThat(client.member()).isEqualTo(MemberId.parse("PS/GOV/MOH"));
        assertThat(client.isSubsystem()).isTrue();
        assertThat(client.subsystemCode()).isEqualTo("health-records");
        assertThat(client.asSubsystem()).isEqualTo(SubsystemId.parse("PS/GOV/MOH/health-records"));
        assertThat(client).hasToString("PS/GOV/MOH/health-records");
    }

    @Test
    void memberAndItsSubsystemAreDifferentClients() {
        assertThat(ClientId.parse("PS/GOV/MOH")).isNotEqualTo(ClientId.parse("PS/GOV/MOH/health-records"));
        assertThat(ClientId.parse("PS/GOV/MOH/health-records"))
                .isEqualTo(ClientId.of(SubsystemId.parse("PS/GOV/MOH/health-records")))
                .isEqualTo(new ClientId(MemberId.parse("PS/GOV/MOH"), "health-records"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PS/GOV/MOH", "PS/GOV/MOH/health-records", "PS/COM/BANK_1/core"})
    void toStringIsTheParsedText(String text) {
        ClientId id = ClientId.parse(text);

        assertThat(id).hasToString(text);
        assertThat(ClientId.parse(id.toString())).isEqualTo(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" \t "})
    void missingValueIsRejected(String value) {
        assertThatThrownBy(() -> ClientId.parse(value))
                .isInstanceOf(IdentifierException.class)
                .hasMessage("client id is missing");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PS/GOV                           | 2",
            "PS                               | 1",
            "PS/GOV/MOH/health-records/extra  | 5",
            "PS/GOV/MOH/health-records/       | 5",
    })
    void wrongNumberOfPartsIsRejected(String value, int found) {
        assertThatThrownBy(() -> ClientId.parse(value))
                .isInstanceOf(IdentifierException.class)
                .hasMessageContaining("client id '" + value + "' must have 3 or 4 '/'-separated parts, found " + found);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PS//MOH                  | member class is missing",
            "PS/GOV/MOH/              | subsystem code is missing",
            "//MOH/health-records     | instance is missing",
    })
    void emptySegmentIsRejectedNamingThePart(String value, String message) {
        assertThatThrownBy(() -> ClientId.parse(value))
                .isInstanceOf(IdentifierException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PS/GOV/MOH/health.records   | subsystem code | health.records",
            "PS/GOV/MOH/health records   | subsystem code | health records",
            "PS/GOV/MOH/السجلات          | subsystem code | السجلات",
            "PS/GOV/MOH%2Fhealth         | member code    | MOH%2Fhealth",
            "PS/GOV/-MOH                 | member code    | -MOH",
    })
    void illegalSegmentIsRejectedNamingThePart(String value, String part, String segment) {
        assertThatThrownBy(() -> ClientId.parse(value))
                .isInstanceOf(IdentifierException.class)
                .hasMessageStartingWith(part + " '" + segment + "' must be 1-64 ASCII letters");
    }

    @Test
    void constructorRequiresMemberAndChecksSubsystemCode() {
        assertThatThrownBy(() -> new ClientId(null, "health-records"))
                .isInstanceOf(IdentifierException.class)
                .hasMessage("member is missing");
        assertThatThrownBy(() -> new ClientId(MemberId.parse("PS/GOV/MOH"), "a.b"))
                .isInstanceOf(IdentifierException.class)
                .hasMessageStartingWith("subsystem code 'a.b'");
        assertThatThrownBy(() -> new ClientId(MemberId.parse("PS/GOV/MOH"), ""))
                .isInstanceOf(IdentifierException.class)
                .hasMessage("subsystem code is missing");
    }
}
