package jp.iinj.httpapi.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import jp.iinj.httpapi.core.text.TextPolicy.Lines;

class TextPolicyTest {

    private static final String GA_DECOMPOSED = "\u30AB\u3099"; // カ + combining voiced sound mark

    @Test
    void textIsKeptInNfcAndCountedInCodePoints() {
        assertThat(GA_DECOMPOSED).hasSize(2);
        assertThat(TextPolicy.normalised(GA_DECOMPOSED)).isEqualTo("ガ");
        assertThat(TextPolicy.length(GA_DECOMPOSED)).isEqualTo(1);
        assertThat(TextPolicy.length("😀")).isEqualTo(1); // two UTF-16 units, one code point
        assertThat(TextPolicy.length("株式会社テスト精機")).isEqualTo(9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"株式会社テスト精機", "カブシキガイシャ", "Test Seiki Co., Ltd.", "ｶﾌﾞｼｷ", "㈱信濃川①", "東京都 千代田区　丸の内",
            "葛\uDB40\uDD00飾区", // an ideographic variation sequence (U+E0100): Japanese names need them
            "❤\uFE0F 😀", "Zürich", "Ελληνικά", "עברית", "العربية"})
    void acceptsTheWritingOfPeople(String text) {
        assertThat(TextPolicy.problemWith(text, Lines.SINGLE)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "RIGHT-TO-LEFT OVERRIDE | 202E | must not contain bidirectional formatting characters",
            "LEFT-TO-RIGHT EMBEDDING | 202A | must not contain bidirectional formatting characters",
            "FIRST STRONG ISOLATE | 2068 | must not contain bidirectional formatting characters",
            "LEFT-TO-RIGHT ISOLATE | 2066 | must not contain bidirectional formatting characters",
            "POP DIRECTIONAL ISOLATE | 2069 | must not contain bidirectional formatting characters",
            "RIGHT-TO-LEFT MARK | 200F | must not contain bidirectional formatting characters",
            "LEFT-TO-RIGHT MARK | 200E | must not contain bidirectional formatting characters",
            "ARABIC LETTER MARK | 061C | must not contain bidirectional formatting characters",
            "ZERO WIDTH SPACE | 200B | must not contain invisible or formatting characters",
            "ZERO WIDTH NON-JOINER | 200C | must not contain invisible or formatting characters",
            "ZERO WIDTH JOINER | 200D | must not contain invisible or formatting characters",
            "WORD JOINER | 2060 | must not contain invisible or formatting characters",
            "BYTE ORDER MARK | FEFF | must not contain invisible or formatting characters",
            "SOFT HYPHEN | 00AD | must not contain invisible or formatting characters",
            "TAG LATIN SMALL LETTER A | E0061 | must not contain invisible or formatting characters",
            "LINE SEPARATOR | 2028 | must not contain invisible or formatting characters",
            "HANGUL FILLER | 3164 | must not contain invisible or formatting characters",
            "COMBINING GRAPHEME JOINER | 034F | must not contain invisible or formatting characters",
            "NUL | 0000 | must not contain control characters",
            "BELL | 0007 | must not contain control characters",
            "CARRIAGE RETURN | 000D | must not contain control characters",
            "TAB | 0009 | must not contain control characters",
            "DELETE | 007F | must not contain control characters",
            "NEXT LINE | 0085 | must not contain control characters",
            "PRIVATE USE (a Shift_JIS gaiji) | E000 | must not contain private-use characters",
            "PRIVATE USE, plane 15 | F0000 | must not contain private-use characters",
            "NONCHARACTER | FDD0 | must not contain noncharacters",
            "NONCHARACTER at the end of a plane | FFFF | must not contain noncharacters",
            "NONCHARACTER of plane 1 | 1FFFE | must not contain noncharacters",
            "UNASSIGNED | 0378 | must not contain unassigned characters",
            "LONE HIGH SURROGATE | D800 | must not contain unpaired surrogates",
            "LONE LOW SURROGATE | DC00 | must not contain unpaired surrogates"})
    void refusesWhatShowsOtherThanItReadsNamingTheCodePointAndWhere(String name, String hex, String message) {
        int codePoint = Integer.parseInt(hex, 16);
        String text = "ab" + new String(Character.toChars(codePoint)) + "c";

        assertThat(TextPolicy.problemWith(text, Lines.SINGLE))
                .contains(message + " (U+" + hex + " at position 3)");
        assertThat(TextPolicy.problemWith(text, Lines.MULTIPLE)).as("multi-line text too").isPresent();
    }

    @Test
    void theProbesNamesAreRefused() {
        assertThat(TextPolicy.problemWith("検証\u202e社会式株", Lines.SINGLE))
                .contains("must not contain bidirectional formatting characters (U+202E at position 3)");
        assertThat(TextPolicy.problemWith("Bidi\u202egnp.exe", Lines.SINGLE)).isPresent();
        assertThat(TextPolicy.problemWith("\u202e", Lines.SINGLE)).isPresent();
    }

    @Test
    void lineFeedsOnlyInMultiLineTextAndNeverACarriageReturn() {
        assertThat(TextPolicy.problemWith("一行目\n二行目", Lines.SINGLE))
                .contains("must be a single line (U+000A at position 4)");
        assertThat(TextPolicy.problemWith("一行目\n二行目", Lines.MULTIPLE)).isEmpty();
        assertThat(TextPolicy.problemWith("一行目\r\n二行目", Lines.MULTIPLE))
                .contains("must not contain control characters (U+000D at position 4)");
    }

    @Test
    void positionsCountCodePointsOfTheNormalisedText() {
        // 😀 and the composed ガ are one position each
        assertThat(TextPolicy.problemWith("😀" + GA_DECOMPOSED + "\u200B", Lines.SINGLE))
                .isEqualTo(Optional.of("must not contain invisible or formatting characters (U+200B at position 3)"));
    }
}
