package jp.iinj.identity.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    @Test
    void twelveToOneHundredTwentyEightCharacters() {
        assertThat(PasswordPolicy.violation("a".repeat(11), "x@example.jp")).isPresent();
        assertThat(PasswordPolicy.violation("a".repeat(12), "x@example.jp")).isEmpty();
        assertThat(PasswordPolicy.violation("a".repeat(128), "x@example.jp")).isEmpty();
        assertThat(PasswordPolicy.violation("a".repeat(129), "x@example.jp")).isPresent();
    }

    @Test
    void charactersNotBytesAreCounted() {
        // 12 kanji (and 12 emoji, two UTF-16 units each) are 12 characters
        assertThat(PasswordPolicy.violation("日本語のパスワードです。", "x@example.jp")).isEmpty();
        assertThat(PasswordPolicy.violation("😀".repeat(11), "x@example.jp")).isPresent();
        assertThat(PasswordPolicy.violation("😀".repeat(12), "x@example.jp")).isEmpty();
    }

    @Test
    void notContainingTheLocalPartOfTheEmail() {
        assertThat(PasswordPolicy.violation("my-Tanaka.Ichiro-2026", "tanaka.ichiro@example.jp")).isPresent();
        assertThat(PasswordPolicy.violation("something else entirely", "tanaka.ichiro@example.jp")).isEmpty();
        // a one- or two-letter local part is not checked (it would forbid most passwords)
        assertThat(PasswordPolicy.violation("a perfectly fine one", "a@example.jp")).isEmpty();
    }

    @Test
    void blankAndNullAreRefused() {
        assertThat(PasswordPolicy.violation(" ".repeat(12), "x@example.jp")).isPresent();
        assertThat(PasswordPolicy.violation(null, "x@example.jp")).isPresent();
    }
}
