package ps.takamul.examples.civilregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdTest {

    @Test
    void checkDigitOfHandComputedSerials() {
        // 1 2 3 4 5 6 7 8 weighted 1,2,1,2,…: 1+4+3+8+5+(12-9)+7+(16-9) = 38, so the check digit is 2.
        assertThat(NationalId.withCheckDigit("12345678")).isEqualTo("123456782");
        // Only the leading 4 counts (weight 1): the check digit is 6.
        assertThat(NationalId.withCheckDigit("40000000")).isEqualTo("400000006");
        // 1 at weight 2 gives 2: the check digit is 8.
        assertThat(NationalId.withCheckDigit("00000001")).isEqualTo("000000018");
        // 9 at weight 2 gives 18-9 = 9: the check digit is 1.
        assertThat(NationalId.withCheckDigit("09000000")).isEqualTo("090000001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456782", "400000006", "000000018", "090000001", "000000000"})
    void acceptsValidIds(String id) {
        assertThat(NationalId.isValid(id)).isTrue();
    }

    @Test
    void everySingleDigitChangeIsCaught() {
        String valid = "123456782";
        for (int position = 0; position < valid.length(); position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit == valid.charAt(position)) {
                    continue;
                }
                String altered = valid.substring(0, position) + digit + valid.substring(position + 1);
                assertThat(NationalId.isValid(altered)).as(altered).isFalse();
            }
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "12345678", "1234567820", "12345678a", " 123456782", "١٢٣٤٥٦٧٨٢", "-23456782"})
    void rejectsMalformedIds(String id) {
        assertThat(NationalId.isValid(id)).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"1234567", "123456789", "1234567x", "١٢٣٤٥٦٧٨"})
    void withCheckDigitWantsEightAsciiDigits(String serial) {
        assertThatIllegalArgumentException().isThrownBy(() -> NationalId.withCheckDigit(serial));
    }
}
