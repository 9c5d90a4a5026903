package jp.iinj.httpapi.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotNull;

import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;

class InputValidationTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private final InputValidation validation = new InputValidation(FACTORY.getValidator());

    record Person(@FreeText(max = 10, required = true) String name, @EmailAddress String email) {
    }

    record Details(@FreeText(max = 5) String note, @FreeTextList(maxEntries = 2, maxLength = 4) List<String> tags) {
    }

    record Request(
            @FreeText(max = 20, required = true) String title,
            @JsonUnwrapped @Valid Details details,
            List<@NotNull(message = "must not be null") @Valid Person> people) {
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void namesFieldsAsTheClientWroteThemInDeclarationOrder() {
        Request request = new Request(" ", new Details("too long", List.of("ok", " ")),
                java.util.Arrays.asList(new Person("A", "a@example.jp"), null, new Person("", "not-an-address")));

        assertThat(validation.problems(request)).extracting(InvalidField::field, InvalidField::message).containsExactly(
                tuple("title", "must not be blank"),
                tuple("note", "size must be between 1 and 5"), // unwrapped: no "details." before it
                tuple("tags[1]", "must not be blank"),
                tuple("people[1]", "must not be null"),
                tuple("people[2].name", "must not be blank"),
                tuple("people[2].email", "must be a well-formed email address"));
    }

    @Test
    void tooManyEntriesIsOneProblemOfTheListAndItsEntriesAreNotJudged() {
        Request request = new Request("t", new Details(null, List.of("", "", "")), List.of());

        assertThat(validation.problems(request)).containsExactly(new InvalidField("tags", "at most 2 entries"));
    }

    @Test
    void textIsJudgedStrippedAndControlCharactersAreRefused() {
        assertThat(validation.problems(new Request("  twenty characters!  ", new Details(null, null), null))).isEmpty();
        assertThat(validation.problems(new Request("a\u0007b", new Details("x\ty", null), null)))
                .extracting(InvalidField::field, InvalidField::message).containsExactly(
                        tuple("title", "must not contain control characters (U+0007 at position 2)"),
                        tuple("note", "must not contain control characters (U+0009 at position 2)"));
    }

    @Test
    void lengthsAreCodePointsOfTheNfcFormAndTheTextPolicyApplies() {
        String tenDecomposed = "\u30AB\u3099".repeat(10); // ガ as カ + U+3099: 20 UTF-16 units, 10 once composed
        String tenEmoji = "😀".repeat(10);

        assertThat(validation.problems(new Request("t", new Details(null, null),
                List.of(new Person(tenDecomposed, "a@example.jp"), new Person(tenEmoji, "b@example.jp"))))).isEmpty();
        assertThat(validation.problems(new Request("t", new Details(null, List.of("ab\u202Ec")),
                List.of(new Person("株式会社\u200B", "a@example.jp"), new Person(tenEmoji + "😀", "b@example.jp")))))
                .extracting(InvalidField::field, InvalidField::message).containsExactly(
                        tuple("tags[0]", "must not contain bidirectional formatting characters (U+202E at position 3)"),
                        tuple("people[0].name", "must not contain invisible or formatting characters (U+200B at position 5)"),
                        tuple("people[1].name", "size must be between 1 and 10"));
    }

    @Test
    void theStoredFormIsNfcAndStripped() {
        assertThat(FreeTextValidator.stored("  \u30AB\u3099  ")).isEqualTo("ガ");
        assertThat(FreeTextValidator.stored(" \u3000 ")).isNull();
    }

    @Test
    void lineFeedsOnlyInMultiLineText() {
        record Note(@FreeText(max = 20) String title, @FreeText(max = 20, multiLine = true) String body) {
        }

        assertThat(validation.problems(new Note("a", "一行目\n二行目"))).isEmpty();
        assertThat(validation.problems(new Note("a\nb", "a\r\nb"))).extracting(InvalidField::field, InvalidField::message)
                .containsExactly(tuple("title", "must be a single line (U+000A at position 2)"),
                        tuple("body", "must not contain control characters (U+000D at position 2)"));
    }

    @Test
    void messagesAreLiteralNotTemplates() {
        Details braces = new Details(null, List.of("{x}", "${}"));

        assertThat(validation.problems(new Request("t", braces, null))).isEmpty();
        assertThat(validation.problems(new Request("t", new Details(null, List.of("12345")), null)))
                .containsExactly(new InvalidField("tags[0]", "size must be between 1 and 4"));
    }

    @Test
    void requireValidThrowsA400NamingEveryField() {
        Request valid = new Request("t", new Details(null, null), null);

        assertThat(validation.requireValid(valid)).isSameAs(valid);
        assertThatThrownBy(() -> validation.requireValid(new Request(null, new Details(null, null), null)))
                .isInstanceOfSatisfying(FieldValidationException.class, refused -> assertThat(refused.errors())
                        .containsExactly(new InvalidField("title", "must not be blank")));
    }
}
