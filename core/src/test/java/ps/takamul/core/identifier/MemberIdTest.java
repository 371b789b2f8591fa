package ps.takamul.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MemberIdTest {

    @Test
    void parsesTheThreeParts() {
        MemberId id = MemberId.parse("PS/GOV/MOI");

        assertThat(id.instance()).isEqualTo("PS");
        assertThat(id.memberClass()).isEqualTo("GOV");
        assertThat(id.memberCode()).isEqualTo("MOI");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PS/GOV/MOI", "PS/COM/bank_1", "ps/gov/moi", "X/Y/Z", "PS/GOV/9-a_b"})
    void toStringIsTheParsedText(String text) {
        MemberId id = MemberId.parse(text);

        assertThat(id.toString()).isEqualTo(text);
        assertThat(MemberId.parse(id.toString())).isEqualTo(id);
    }

    @Test
    void equalIdentifiersAreEqualWhateverWayTheyAreBuilt() {
        assertThat(MemberId.parse("PS/GOV/MOI")).isEqualTo(new MemberId("PS", "GOV", "MOI"))
                .hasSameHashCodeAs(new MemberId("PS", "GOV", "MOI"));
        assertThat(MemberId.parse("PS/GOV/MOI")).isNotEqualTo(MemberId.parse("PS/GOV/moi"));
    }

    @Test
    void subsystemBelongsToTheMember() {
        SubsystemId sub = MemberId.parse("PS/GOV/MOI").subsystem("civil-registry");

        assertThat(sub.member()).isEqualTo(MemberId.parse("PS/GOV/MOI"));
        assertThat(sub).hasToString("PS/GOV/MOI/civil-registry");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t", "\n"})
    void missingValueIsRejected(String value) {
        assertThatThrownBy(() -> MemberId.parse(value))
                .isInstanceOf(IdentifierException.class)
                .hasMessage("member id is missing");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PS/GOV          | 2",
            "PS              | 1",
            "PS/GOV/MOI/x    | 4",
            "PS/GOV/MOI/     | 4",
            "/PS/GOV/MOI     | 4",
            "PS/GOV/MOI/a/b/c | 6",
    })
    void wrongNumberOfPartsIsRejected(String value, int found) {
        assertThatThrownBy(() -> MemberId.parse(value))
                .isInstanceOf(IdentifierException.class)
                .hasMessageContaining("member id '" + value + "'")
                .hasMessageContaining("must have 3 '/'-separated parts, found " + found);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PS//MOI     | member class is missing",
            "/GOV/MOI    | instance is missing",
            "PS/GOV/     | member code is missing",
    })
    void emptySegmentIsRejectedNamingThePart(String value, String message) {
        assertThatThrownBy(() -> MemberId.parse(value))
                .isInstanceOf(IdentifierException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PS.X/GOV/MOI       | instance     | PS.X",
            "PS/GO V/MOI        | member class | GO V",
            "PS/GOV/MOI.civil   | member code  | MOI.civil",
            "PS/GOV/ MOI        | member code  | ' MOI'",
            "PS/GOV/MOI%2Fx     | member code  | MOI%2Fx",
            "PS/GOV/-MOI        | member code  | -MOI",
            "PS/GOV/_MOI        | member code  | _MOI",
            "PS/حكومة/MOI       | member class | حكومة",
            "PS/GOV/وزارة       | member code  | وزارة",
            "PS/GOV/MOI٣        | member code  | MOI٣",
            "PS/GOV/MOÏ         | member code  | MOÏ",
            "PS/GOV/MO:I        | member code  | MO:I",
            "PS/GOV/MO*I        | member code  | MO*I",
    })
    void illegalCharacterIsRejectedNamingThePartAndValue(String value, String part, String segment) {
        assertThatThrownBy(() -> MemberId.parse(value))
                .isInstanceOf(IdentifierException.class)
                .hasMessageStartingWith(part + " '" + segment + "' must be 1-64 ASCII letters, digits, '-' or '_'");
    }

    @Test
    void controlCharactersAreNotEchoedIntoTheMessage() {
        assertThatThrownBy(() -> MemberId.parse("PS/GOV/MO\u001bI"))
                .isInstanceOf(IdentifierException.class)
                .hasMessageStartingWith("member code 'MO?I'")
                .hasMessageNotContaining("\u001b");
    }

    @Test
    void segmentOf64CharactersIsAcceptedAnd65IsNot() {
        String max = "M" + "a".repeat(63);
        assertThat(MemberId.parse("PS/GOV/" + max).memberCode()).hasSize(64);

        String tooLong = max + "b";
        assertThatThrownBy(() -> MemberId.parse("PS/GOV/" + tooLong))
                .isInstanceOf(IdentifierException.class)
                .hasMessageStartingWith("member code '" + tooLong + "' must be 1-64");
    }

    @Test
    void constructorAppliesTheSameRules() {
        assertThatThrownBy(() -> new MemberId("PS", null, "MOI"))
                .isInstanceOf(IdentifierException.class)
                .hasMessage("member class is missing");
        assertThatThrownBy(() -> new MemberId("PS", "GOV", "M/OI"))
                .isInstanceOf(IdentifierException.class)
                .hasMessageStartingWith("member code 'M/OI'");
    }

    @Test
    void identifierExceptionIsAnIllegalArgumentException() {
        // Callers that catch IllegalArgumentException for bad input must also catch bad identifiers.
        assertThatThrownBy(() -> MemberId.parse("PS//MOI")).isInstanceOf(IllegalArgumentException.class);
    }
}
