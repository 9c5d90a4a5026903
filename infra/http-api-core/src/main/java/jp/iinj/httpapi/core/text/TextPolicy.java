package jp.iinj.httpapi.core.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for text a person sends, on every service and every way in (JSON bodies, query parameters, CSV
 * cells): it is normalised to NFC, and it may not hold anything that shows other than it reads. Refused are
 * control characters (a line feed only where a field is {@link Lines#MULTIPLE multi-line}), bidirectional
 * formatting characters, every other format character (Unicode category Cf: zero-width spaces and joiners, word
 * joiner, byte order mark, soft hyphen, tags...), the invisible fillers Unicode lists as default-ignorable letters
 * and marks, line and paragraph separators, private-use and unassigned code points (as of the JDK's Unicode
 * version), noncharacters and unpaired surrogates. Variation selectors stay allowed: Japanese names need the
 * ideographic ones. Lengths are counted in code points of the NFC form, so 「ガ」 is one whether it was sent composed
 * or as カ + U+3099, and 😀 is one.
 */
public final class TextPolicy {

    /** Whether a field may hold line feeds: descriptions and notes may, names and everything else may not. */
    public enum Lines { SINGLE, MULTIPLE }

    private TextPolicy() {
    }

    /** {@code text} in Unicode NFC, the form every accepted text is kept in. */
    public static String normalised(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Code points of {@code text} in NFC. */
    public static int length(String text) {
        String normalised = normalised(text);
        return normalised.codePointCount(0, normalised.length());
    }

    /**
     * What is wrong with {@code text} (judged in NFC), if anything: the first refused character, named by its code
     * point and its position (1-based, in code points), never by the text around it.
     */
    public static Optional<String> problemWith(String text, Lines lines) {
        String normalised = normalised(text);
        int position = 0;
        for (int offset = 0; offset < normalised.length(); ) {
            int codePoint = normalised.codePointAt(offset);
            offset += Character.charCount(codePoint);
            position++;
            String refused = refusal(codePoint, lines);
            if (refused != null) {
                return Optional.of(refused + " (" + String.format(Locale.ROOT, "U+%04X", codePoint)
                        + " at position " + position + ")");
            }
        }
        return Optional.empty();
    }

    private static String refusal(int codePoint, Lines lines) {
        if (codePoint == '\n') {
            return lines == Lines.MULTIPLE ? null : "must be a single line";
        }
        if (isBidiControl(codePoint)) {
            return "must not contain bidirectional formatting characters";
        }
        if (isNoncharacter(codePoint)) {
            return "must not contain noncharacters";
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL -> "must not contain control characters";
            case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
                    "must not contain invisible or formatting characters";
            case Character.PRIVATE_USE -> "must not contain private-use characters";
            case Character.UNASSIGNED -> "must not contain unassigned characters";
            case Character.SURROGATE -> "must not contain unpaired surrogates";
            default -> isInvisibleFiller(codePoint) ? "must not contain invisible or formatting characters" : null;
        };
    }

    /** Embeddings, overrides, isolates and marks (LRM, RLM, ALM): they reorder what is shown. */
    private static boolean isBidiControl(int codePoint) {
        return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069)
                || codePoint == 0x200E || codePoint == 0x200F || codePoint == 0x061C;
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane: never meant to be exchanged. */
    private static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    /**
     * Default-ignorable code points that are letters or marks, not Cf: they render as nothing. Variation selectors,
     * also default-ignorable, are not among them.
     */
    private static boolean isInvisibleFiller(int codePoint) {
        return codePoint == 0x034F // combining grapheme joiner
                || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0 // Hangul fillers
                || codePoint == 0x17B4 || codePoint == 0x17B5; // Khmer inherent vowels
    }
}
