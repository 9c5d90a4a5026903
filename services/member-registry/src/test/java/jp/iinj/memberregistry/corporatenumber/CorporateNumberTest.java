package jp.iinj.memberregistry.corporatenumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CorporateNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"7123456789012", "4011001098993", "9000000000000", "9000000000009"})
    void acceptsValidNumbers(String number) {
        assertThat(CorporateNumber.problemWith(number)).isEmpty();
        assertThat(new CorporateNumber(number).value()).isEqualTo(number);
    }

    @ParameterizedTest
    @CsvSource({
            "123456789012, 7",   // the reference's worked example: 74 mod 9 = 2, 9 - 2 = 7
            "011001098993, 4",
            "000000000000, 9"})  // sum 0: the check digit is 9, never 0
    void computesTheCheckDigit(String base, int expected) {
        assertThat(CorporateNumber.checkDigit(base)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1123456789012", "6123456789012", "8123456789012", "3011001098993", "5011001098993"})
    void rejectsWrongCheckDigits(String number) {
        assertThat(CorporateNumber.problemWith(number)).hasValueSatisfying(
                problem -> assertThat(problem).startsWith("check digit does not match"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"712345678901", "71234567890123", "0123456789012", "71234567890l2", "７123456789012",
            "7123-45678901", " 7123456789012", "7123456789012 ", "+123456789012"})
    void rejectsWrongLengthsAndNonDigits(String number) {
        assertThat(CorporateNumber.problemWith(number)).hasValue("must be 13 digits, the first 1-9");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsMissingNumbers(String number) {
        assertThat(CorporateNumber.problemWith(number)).isPresent();
        assertThatIllegalArgumentException().isThrownBy(() -> new CorporateNumber(number));
    }

    @org.junit.jupiter.api.Test
    void aZeroNineSwapPassesTheCheckWhichIsWhyTheNumberIsAlsoUnique() {
        // swapping a 0 for a 9 changes the weighted sum by 9 or 18, which mod 9 is invisible
        assertThat(CorporateNumber.problemWith("7123456789012")).isEmpty();
        assertThat(CorporateNumber.problemWith("7123456789912")).isEmpty();
    }
}
