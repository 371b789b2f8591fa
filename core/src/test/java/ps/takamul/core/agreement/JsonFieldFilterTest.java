package ps.takamul.core.agreement;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonFieldFilterTest {

    private static final String PERSON_RECORD = "{\"person\":{\"nationalId\":\"848991048\",\"firstNameAr\":\"حسن\","
            + "\"familyNameAr\":\"ياسين\",\"address\":{\"cityAr\":\"رام الله\",\"street\":\"شارع الإرسال\"}},"
            + "\"family\":{\"members\":[{\"nationalId\":\"1\",\"firstNameAr\":\"سلمى\"},"
            + "{\"nationalId\":\"2\",\"firstNameAr\":\"عيسى\"}]}}";

    private static FieldFilter.Reduced reduce(String json, String... allowed) {
        return new JsonFieldFilter(List.of(allowed)).reduce(json.getBytes(UTF_8));
    }

    /** Compares bytes, not decoded strings, so an escaped or re-encoded Arabic letter fails. */
    private static void assertBody(FieldFilter.Reduced reduced, String expected) {
        assertThat(new String(reduced.body(), UTF_8)).isEqualTo(expected);
        assertThat(reduced.body()).isEqualTo(expected.getBytes(UTF_8));
    }

    @Test
    void keepsOnlyTheExactFieldsAllowed() {
        FieldFilter.Reduced reduced = reduce(PERSON_RECORD, "/person/nationalId", "/person/firstNameAr");

        assertBody(reduced, "{\"person\":{\"nationalId\":\"848991048\",\"firstNameAr\":\"حسن\"}}");
        assertThat(reduced.removed()).containsExactly("/person/familyNameAr", "/person/address", "/family");
    }

    @Test
    void allowingAnObjectKeepsItsWholeSubtree() {
        FieldFilter.Reduced reduced = reduce(PERSON_RECORD, "/person");

        assertBody(reduced, "{\"person\":{\"nationalId\":\"848991048\",\"firstNameAr\":\"حسن\","
                + "\"familyNameAr\":\"ياسين\",\"address\":{\"cityAr\":\"رام الله\",\"street\":\"شارع الإرسال\"}}}");
        assertThat(reduced.removed()).containsExactly("/family");
    }

    @Test
    void aNestedSubtreeKeepsItsParentsAsContainers() {
        FieldFilter.Reduced reduced = reduce(PERSON_RECORD, "/person/address");

        assertBody(reduced, "{\"person\":{\"address\":{\"cityAr\":\"رام الله\",\"street\":\"شارع الإرسال\"}}}");
        assertThat(reduced.removed())
                .containsExactly("/person/nationalId", "/person/firstNameAr", "/person/familyNameAr", "/family");
    }

    @Test
    void wildcardOverAnArrayKeepsTheNamedFieldOfEveryElement() {
        FieldFilter.Reduced reduced = reduce(PERSON_RECORD, "/family/members/*/firstNameAr");

        assertBody(reduced, "{\"family\":{\"members\":[{\"firstNameAr\":\"سلمى\"},{\"firstNameAr\":\"عيسى\"}]}}");
        assertThat(reduced.removed())
                .containsExactly("/person", "/family/members/0/nationalId", "/family/members/1/nationalId");
    }

    @Test
    void wildcardAndAnIndexAddUp() {
        FieldFilter.Reduced reduced = reduce(PERSON_RECORD, "/family/members/*/firstNameAr", "/family/members/1/nationalId");

        assertBody(reduced, "{\"family\":{\"members\":[{\"firstNameAr\":\"سلمى\"},"
                + "{\"nationalId\":\"2\",\"firstNameAr\":\"عيسى\"}]}}");
        assertThat(reduced.removed()).containsExactly("/person", "/family/members/0/nationalId");
    }

    @Test
    void wildcardOverObjectMembersKeepsContainersEvenWhenTheyEndUpEmpty() {
        FieldFilter.Reduced reduced = reduce(PERSON_RECORD, "/*/nationalId");

        assertBody(reduced, "{\"person\":{\"nationalId\":\"848991048\"},\"family\":{}}");
        assertThat(reduced.removed()).containsExactly(
                "/person/firstNameAr", "/person/familyNameAr", "/person/address", "/family/members");
    }

    @Test
    void emptyAgreementLeavesAnEmptyObjectAndReportsEverything() {
        FieldFilter.Reduced reduced = reduce(PERSON_RECORD);

        assertBody(reduced, "{}");
        assertThat(reduced.removed()).containsExactly("/person", "/family");
    }

    @Test
    void arrayRootIsReducedElementByElement() {
        FieldFilter.Reduced reduced = reduce("[{\"id\":1,\"nameAr\":\"سلمى\"},{\"id\":2}]", "/*/nameAr");

        assertBody(reduced, "[{\"nameAr\":\"سلمى\"},{}]");
        assertThat(reduced.removed()).containsExactly("/0/id", "/1/id");
    }

    @Test
    void numbersBooleansAndNullsKeepTheirTextExactly() {
        String json = "{\"fee\":1.10,\"zero\":-0,\"big\":12345678901234567890123456789,\"exp\":1.5E+3,"
                + "\"small\":2e-7,\"paid\":true,\"late\":false,\"note\":null,\"extra\":3,"
                + "\"history\":[0.50,{\"rate\":7.000,\"ok\":false}]}";
        FieldFilter.Reduced reduced =
                reduce(json, "/fee", "/zero", "/big", "/exp", "/small", "/paid", "/late", "/note", "/history");

        assertBody(reduced, "{\"fee\":1.10,\"zero\":-0,\"big\":12345678901234567890123456789,\"exp\":1.5E+3,"
                + "\"small\":2e-7,\"paid\":true,\"late\":false,\"note\":null,"
                + "\"history\":[0.50,{\"rate\":7.000,\"ok\":false}]}");
        assertThat(reduced.removed()).containsExactly("/extra");
    }

    @Test
    void scalarsInsideAPartlyAllowedContainerKeepTheirTextToo() {
        FieldFilter.Reduced reduced = reduce("{\"fees\":[1.10,2.250,3]}", "/fees/0", "/fees/1");

        assertBody(reduced, "{\"fees\":[1.10,2.250]}");
        assertThat(reduced.removed()).containsExactly("/fees/2");
    }

    @Test
    void escapedPointersMatchMembersWithSlashAndTilde() {
        FieldFilter.Reduced reduced = reduce("{\"a/b\":1,\"m~n\":{\"x\":2},\"c\":3}", "/a~1b", "/m~0n");

        assertBody(reduced, "{\"a/b\":1,\"m~n\":{\"x\":2}}");
        assertThat(reduced.removed()).containsExactly("/c");
    }

    @Test
    void removedMemberNamesAreReportedEscaped() {
        FieldFilter.Reduced reduced = reduce("{\"a/b\":1,\"m~n\":2,\"c\":3}", "/c");

        assertBody(reduced, "{\"c\":3}");
        assertThat(reduced.removed()).containsExactly("/a~1b", "/m~0n");
    }

    @Test
    void aScalarWhereTheAgreementExpectsAContainerIsRemoved() {
        FieldFilter.Reduced reduced = reduce("{\"person\":\"محجوب\",\"id\":1}", "/person/nationalId", "/id");

        assertBody(reduced, "{\"id\":1}");
        assertThat(reduced.removed()).containsExactly("/person");
    }

    @Test
    void oneFilterReducesManyBodiesTheSameWay() {
        JsonFieldFilter filter = new JsonFieldFilter(List.of("/person/firstNameAr"));

        FieldFilter.Reduced first = filter.reduce(PERSON_RECORD.getBytes(UTF_8));
        FieldFilter.Reduced second = filter.reduce(PERSON_RECORD.getBytes(UTF_8));

        assertThat(second.body()).isEqualTo(first.body());
        assertThat(new String(second.body(), UTF_8)).isEqualTo("{\"person\":{\"firstNameAr\":\"حسن\"}}");
        assertThat(second.removed()).isEqualTo(first.removed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"person\":", "{\"a\":1,}", "{\"a\":1} {\"b\":2}", "{\"a\":1,\"b\":[1,}", ""})
    void malformedJsonIsRefused(String json) {
        assertThatThrownBy(() -> reduce(json, "/a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed JSON response");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"just text\"", "42", "null"})
    void aBodyThatIsNotAnObjectOrArrayIsRefused(String json) {
        assertThatThrownBy(() -> reduce(json, "/a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be an object or an array");
    }

    @ParameterizedTest
    @ValueSource(strings = {"person/nationalId", "", "/a~2b", "/person/name~"})
    void badPointersAreRefusedByName(String pointer) {
        assertThatThrownBy(() -> new JsonFieldFilter(List.of("/ok", pointer)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + pointer + "\"");
    }
}
