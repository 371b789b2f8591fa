package ps.takamul.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceIdTest {

    @Test
    void parsesAVersionedService() {
        ServiceId id = ServiceId.parse("PS/GOV/MOI/civil-registry/person-by-id/v1");

        assertThat(id.member()).isEqualTo(MemberId.parse("PS/GOV/MOI"));
        assertThat(id.subsystem()).isEqualTo(SubsystemId.parse("PS/GOV/MOI/civil-registry"));
        assertThat(id.serviceCode()).isEqualTo("person-by-id");
        assertThat(id.version()).isEqualTo("v1");
    }

    @Test
    void versionIsOptional() {
        ServiceId id = ServiceId.parse("PS/GOV/MOI/civil-registry/person-by-id");

        assertThat(id.serviceCode()).isEqualTo("person-by-id");
        assertThat(id.version()).isNull();
        assertThat(id).hasToString("PS/GOV/MOI/civil-registry/person-by-id");
    }

    @Test
    void versionedAndUnversionedServicesAreDifferentServices() {
        assertThat(ServiceId.parse("PS/GOV/MOI/civil-registry/person-by-id/v1"))
                .isNotEqualTo(ServiceId.parse("PS/GOV/MOI/civil-registry/person-by-id"))
                .isNotEqualTo(ServiceId.parse("PS/GOV/MOI/civil-registry/person-by-id/v2"))
                .isEqualTo(new ServiceId(SubsystemId.parse("PS/GOV/MOI/civil-registry"), "person-by-id", "v1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "PS/GOV/MOI/civil-registry/person-by-id/v1",
            "PS/GOV/MOI/civil-registry/person-by-id",
            "PS/GOV/MOI/civil-registry/PersonByNationalId/v1",
            "PS/GOV/MOF/tax/tax_status/2024-01",
    })
    void toStringIsTheParsedText(String text) {
        ServiceId id = ServiceId.parse(text);

        assertThat(id).hasToString(text);
        assertThat(ServiceId.parse(id.toString())).isEqualTo(id);
    }

    @Test
    void queueSuffixJoinsTheSegmentsWithDots() {
        assertThat(ServiceId.parse("PS/GOV/MOI/civil-registry/person-by-id/v1").asQueueSuffix())
                .isEqualTo("PS.GOV.MOI.civil-registry.person-by-id.v1");
        assertThat(ServiceId.parse("PS/GOV/MOI/civil-registry/person-by-id").asQueueSuffix())
                .isEqualTo("PS.GOV.MOI.civil-registry.person-by-id");
    }

    @Test
    void queueSuffixIsReversibleAndNeverHasASlash() {
        for (String text : new String[] {
                "PS/GOV/MOI/civil-registry/person-by-id/v1", "PS/GOV/MOI/civil-registry/person-by-id"}) {
            String suffix = ServiceId.parse(text).asQueueSuffix();

            assertThat(suffix).doesNotContain("/");
            assertThat(ServiceId.parse(suffix.replace('.', '/'))).isEqualTo(ServiceId.parse(text));
        }
    }

    @Test
    void distinctServicesGetDistinctQueues() {
        // A versionless service must not share a queue with a versioned sibling.
        assertThat(ServiceId.parse("PS/GOV/MOI/civil-registry/person-by-id").asQueueSuffix())
                .isNotEqualTo(ServiceId.parse("PS/GOV/MOI/civil-registry/person-by-id/v1").asQueueSuffix());
        assertThat(ServiceId.parse("PS/GOV/MOI/a/b-c").asQueueSuffix())
                .isNotEqualTo(ServiceId.parse("PS/GOV/MOI/a-b/c").asQueueSuffix());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void missingValueIsRejected(String value) {
        assertThatThrownBy(() -> ServiceId.parse(value))
                .isInstanceOf(IdentifierException.class)
                .hasMessage("service id is missing");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PS/GOV/MOI/civil-registry                    | 4",
            "PS/GOV/MOI                                   | 3",
            "PS/GOV/MOI/civil-registry/person-by-id/v1/x  | 7",
            "PS/GOV/MOI/civil-registry/person-by-id/v1/   | 7",
    })
    void wrongNumberOfPartsIsRejected(String value, int found) {
        assertThatThrownBy(() -> ServiceId.parse(value))
                .isInstanceOf(IdentifierException.class)
                .hasMessageContaining("service id '" + value + "' must have 5 or 6 '/'-separated parts, found " + found);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PS/GOV/MOI/civil-registry/person-by-id/  | service version is missing",
            "PS/GOV/MOI/civil-registry//v1            | service code is missing",
            "PS/GOV/MOI//person-by-id/v1              | subsystem code is missing",
            "PS//MOI/civil-registry/person-by-id/v1   | member class is missing",
    })
    void emptySegmentIsRejectedNamingThePart(String value, String message) {
        assertThatThrownBy(() -> ServiceId.parse(value))
                .isInstanceOf(IdentifierException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PS/GOV/MOI/civil-registry/person.by.id/v1   | service code    | person.by.id",
            "PS/GOV/MOI/civil-registry/person-by-id/v1.0 | service version | v1.0",
            "PS/GOV/MOI/civil-registry/person by id/v1   | service code    | person by id",
            "PS/GOV/MOI/civil-registry/شخص/v1            | service code    | شخص",
            "PS/GOV/MOI/civil-registry/person%2Fid/v1    | service code    | person%2Fid",
            "PS/GOV/MOI/civil-registry/-person/v1        | service code    | -person",
            "PS/GOV/MOI/civil-registry/person/-v1        | service version | -v1",
    })
    void illegalSegmentIsRejectedNamingThePart(String value, String part, String segment) {
        assertThatThrownBy(() -> ServiceId.parse(value))
                .isInstanceOf(IdentifierException.class)
                .hasMessageStartingWith(part + " '" + segment + "' must be 1-64 ASCII letters");
    }

    @Test
    void serviceCodeOf65CharactersIsRejected() {
        String code = "p".repeat(65);
        assertThatThrownBy(() -> ServiceId.parse("PS/GOV/MOI/civil-registry/" + code + "/v1"))
                .isInstanceOf(IdentifierException.class)
                .hasMessageStartingWith("service code '" + code + "'");
    }

    @Test
    void constructorRequiresSubsystemAndCode() {
        assertThatThrownBy(() -> new ServiceId(null, "person-by-id", "v1"))
                .isInstanceOf(IdentifierException.class)
                .hasMessage("subsystem is missing");
        assertThatThrownBy(() -> new ServiceId(SubsystemId.parse("PS/GOV/MOI/civil-registry"), null, "v1"))
                .isInstanceOf(IdentifierException.class)
                .hasMessage("service code is missing");
        assertThatThrownBy(() -> new ServiceId(SubsystemId.parse("PS/GOV/MOI/civil-registry"), "person-by-id", ""))
                .isInstanceOf(IdentifierException.class)
                .hasMessage("service version is missing");
    }
}
