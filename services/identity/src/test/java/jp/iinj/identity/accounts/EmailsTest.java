package jp.iinj.identity.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailsTest {

    @Test
    void normalisedToTrimmedLowerCase() {
        assertThat(Emails.normalise("  Tanaka@Example.JP ")).isEqualTo("tanaka@example.jp");
    }

    @Test
    void plausibility() {
        assertThat(Emails.plausible("a@example.jp")).isTrue();
        assertThat(Emails.plausible("a@localhost")).isFalse();
        assertThat(Emails.plausible("a b@example.jp")).isFalse();
        assertThat(Emails.plausible("a@b@example.jp")).isFalse();
        assertThat(Emails.plausible("a\n@example.jp")).isFalse();
        assertThat(Emails.plausible("x".repeat(300) + "@example.jp")).isFalse();
        assertThat(Emails.plausible(null)).isFalse();
    }
}
