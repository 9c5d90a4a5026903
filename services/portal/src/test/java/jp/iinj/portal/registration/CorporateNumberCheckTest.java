package jp.iinj.portal.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The same numbers as member-registry's tests of its CorporateNumber: the form and the registry agree. */
class CorporateNumberCheckTest {

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
    }
}
