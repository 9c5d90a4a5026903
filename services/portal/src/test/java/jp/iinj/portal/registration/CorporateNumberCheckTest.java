package jp.iinj.portal.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The same numbers as member-registry's tests of its CorporateNumber: the form and the registry agree. */
class CorporateNumberCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"7123456789012", "4011001098993", "9000000000000", "9000000000009"})
    void theRegistrysValidNumbersAreValidHere(String number) {
        assertThat(CorporateNumberCheck.of(number)).isEqualTo(CorporateNumberCheck.Verdict.VALID);
    }

    @ParameterizedTest
    @CsvSource({"123456789012, 7", "011001098993, 4", "000000000000, 9"})
    void theRegistrysCheckDigits(String base, int expected) {
        assertThat(CorporateNumberCheck.checkDigit(base)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1123456789012", "6123456789012", "8123456789012", "3011001098993", "5011001098993"})
    void theRegistrysWrongCheckDigitsAreWrongHere(String number) {
        assertThat(CorporateNumberCheck.of(number)).isEqualTo(CorporateNumberCheck.Verdict.WRONG_CHECK_DIGIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"712345678901", "71234567890123", "0123456789012", "71234567890l2", "+123456789012"})
    void theRegistrysMalformedNumbersAreIncompleteHere(String number) {
        assertThat(CorporateNumberCheck.of(number)).isEqualTo(CorporateNumberCheck.Verdict.INCOMPLETE);
    }

    @Test
    void aNumberWithItsCheckDigitIsValid() {
        assertThat(CorporateNumberCheck.of("7123456789012")).isEqualTo(CorporateNumberCheck.Verdict.VALID);
        assertThat(CorporateNumberCheck.checkDigit("123456789012")).isEqualTo(7);
    }

    @Test
    void aWrongCheckDigitIsToldApartFromAnIncompleteNumber() {
        assertThat(CorporateNumberCheck.of("8123456789012")).isEqualTo(CorporateNumberCheck.Verdict.WRONG_CHECK_DIGIT);
        assertThat(CorporateNumberCheck.of("712345678901")).isEqualTo(CorporateNumberCheck.Verdict.INCOMPLETE);
        assertThat(CorporateNumberCheck.of("0123456789012")).isEqualTo(CorporateNumberCheck.Verdict.INCOMPLETE);
        assertThat(CorporateNumberCheck.of("71234567890ab")).isEqualTo(CorporateNumberCheck.Verdict.INCOMPLETE);
        assertThat(CorporateNumberCheck.of("")).isEqualTo(CorporateNumberCheck.Verdict.EMPTY);
    }

    @Test
    void fullWidthDigitsSpacesAndHyphensAsPeopleTypeThem() {
        assertThat(CorporateNumberCheck.of("７１２３４５６７８９０１２")).isEqualTo(CorporateNumberCheck.Verdict.VALID);
        assertThat(CorporateNumberCheck.of("7-1234-5678-9012")).isEqualTo(CorporateNumberCheck.Verdict.VALID);
        // the registry refuses these shapes, so the portal sends the digits alone
        assertThat(CorporateNumberCheck.normalise("７１２３-4567 89012")).isEqualTo("7123456789012");
    }
}
