package jp.iinj.endtoend.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class CorporateNumbersTest {

    @Test
    void check_digit_of_the_readme_example() {
        // 7123456789012 is the README's valid number, 8123456789012 its wrong check digit
        assertThat(CorporateNumbers.checkDigit("123456789012")).isEqualTo(7);
    }

    @RepeatedTest(20)
    void random_numbers_have_13_digits_and_a_check_digit_1_to_9() {
        String number = CorporateNumbers.random();
        assertThat(number).matches("[1-9][0-9]{12}");
        assertThat(CorporateNumbers.checkDigit(number.substring(1))).isEqualTo(number.charAt(0) - '0');
    }
}
