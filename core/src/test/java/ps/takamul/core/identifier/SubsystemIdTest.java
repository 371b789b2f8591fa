package ps.takamul.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SubsystemIdTest {

    @Test
    void parsesMemberAndSubsystemCode() {
        SubsystemId id = SubsystemId.parse("PS/GOV/MOI/civil-registry");

        assertThat(id.member()).isEqualTo(new MemberId("PS", "GOV", "MOI"));
        assertThat(id.subsystemCode()).isEqualTo("civil-registry");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PS/GOV/MOI/civil-registry", "PS/GOV/MOH/health_records", "PS/COM/BANK1/core2"})
    void toStringIsTheParsedText(String text) {
        SubsystemId id = SubsystemId.parse(text);

        assertThat(id).hasToString(text);
        assertThat(SubsystemId.parse(id.toString())).isEqualTo(id);
    }

    @Test
    void serviceBelongsToTheSubsystem() {
        ServiceId service = SubsystemId.parse("PS/GOV/MOI/civil-registry").service("person-by-id", "v1");

        assertThat(service.subsystem()).isEqualTo(SubsystemId.parse("PS/GOV/MOI/civil-registry"));
        assertThat(service).hasToString("PS/GOV/MOI/civil-registry/person-by-id/v1");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void missingValueIsRejected(String value) {
        assertThatThrownBy(() -> SubsystemId.parse(value))
                .isInstanceOf(IdentifierException.class)
                .hasMessage("subsystem id is missing");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PS/GOV/MOI                          | 3",
            "PS/GOV/MOI/civil-registry/x         | 5",
            "PS/GOV/MOI/civil-registry/          | 5",
            "PS/GOV/MOI/civil-registry/person/v1 | 6",
    })
    void wrongNumberOfPartsIsRejected(String value, int found) {
        assertThatThrownBy(() -> SubsystemId.parse(value))
                .isInstanceOf(IdentifierException.class)
                .hasMessageContaining("subsystem id '" + value + "' must have 4 '/'-separated parts, found " + found);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PS//MOI/civil-registry  | member class is missing",
            "PS/GOV/MOI/             | subsystem code is missing",
            "PS/GOV//civil-registry  | member code is missing",
    })
    void emptySegmentIsRejectedNamingThePart(String value, String message) {
        assertThatThrownBy(() -> SubsystemId.parse(value))
                .isInstanceOf(IdentifierException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PS/GOV/MOI/civil.registry   | civil.registry",
            "PS/GOV/MOI/civil registry   | civil registry",
            "PS/GOV/MOI/السجل-المدني     | السجل-المدني",
            "PS/GOV/MOI/civil%2Fregistry | civil%2Fregistry",
            "PS/GOV/MOI/-civil           | -civil",
    })
    void illegalSubsystemCodeIsRejectedNamingThePart(String value, String code) {
        assertThatThrownBy(() -> SubsystemId.parse(value))
                .isInstanceOf(IdentifierException.class)
                .hasMessageStartingWith("subsystem code '" + code + "' must be 1-64 ASCII letters");
    }

    @Test
    void subsystemCodeOf65CharactersIsRejected() {
        String code = "s".repeat(65);
        assertThatThrownBy(() -> SubsystemId.parse("PS/GOV/MOI/" + code))
                .isInstanceOf(IdentifierException.class)
                .hasMessageStartingWith("subsystem code '" + code + "'");
        assertThat(SubsystemId.parse("PS/GOV/MOI/" + "s".repeat(64)).subsystemCode()).hasSize(64);
    }

    @Test
    void memberIsRequired() {
        assertThatThrownBy(() -> new SubsystemId(null, "civil-registry"))
                .isInstanceOf(IdentifierException.class)
                .hasMessage("member is missing");
    }
}
