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
                        tuple("title", "must not contain control characters"),
                        tuple("note", "must not contain control characters"));
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
