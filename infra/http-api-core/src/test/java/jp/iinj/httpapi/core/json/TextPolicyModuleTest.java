package jp.iinj.httpapi.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import jp.iinj.httpapi.core.json.RefusedTextException.Refusal;
import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.httpapi.core.problems.JsonBodyProblems;
import jp.iinj.httpapi.core.problems.Problem;
import jp.iinj.httpapi.core.text.Verbatim;
import jp.iinj.httpapi.core.validation.FreeText;

/** Every string of a request body, however deep, is held to the text policy as it is read. */
class TextPolicyModuleTest {

    record Contact(String name, String email) {
    }

    record Profile(String legalName, String englishName, List<String> keywords, List<Contact> contacts) {
    }

    record Registration(@JsonUnwrapped Profile profile, String corporateNumber, Contact owner) {
    }

    record Batch(List<Registration> registrations) {
    }

    record Decision(String reason, @FreeText(max = 1000, multiLine = true) String note) {
    }

    record NewPassword(@Verbatim String password, String confirmation) {
    }

    private final JsonMapper strict = StrictJsonReading.strict(JsonMapper.builder().build());

    @Test
    void stringsAreReadInNfc() {
        Profile read = strict.readValue("{\"legalName\":\"\u30AB\u3099\u30A4\u30B7\u30E3\",\"keywords\":[\"\u30AB\u3099\"],"
                + "\"contacts\":[{\"name\":\"\u30AB\u3099\"}]}", Profile.class);

        assertThat(read.legalName()).isEqualTo("ガイシャ");
        assertThat(read.keywords()).containsExactly("ガ");
        assertThat(read.contacts().get(0).name()).isEqualTo("ガ");
    }

    @Test
    void theProbesRegistrationIsRefusedNamingEveryRefusedField() {
        RefusedTextException refused = refused("{\"legalName\":\"検証\\u202e社会式株\",\"englishName\":\"Bidi\\u202egnp.exe\","
                + "\"corporateNumber\":\"7123456789012\",\"owner\":{\"name\":\"A\\u200bB\",\"email\":\"a@example.jp\"}}",
                Registration.class);

        // the unwrapped profile's fields at the top level, as the client wrote them
        assertThat(refused.refusals()).extracting(Refusal::path, Refusal::message).containsExactlyInAnyOrder(
                tuple("legalName", "must not contain bidirectional formatting characters (U+202E at position 3)"),
                tuple("englishName", "must not contain bidirectional formatting characters (U+202E at position 5)"),
                tuple("owner.name", "must not contain invisible or formatting characters (U+200B at position 2)"));
    }

    @Test
    void unwrappedFieldsDeeperInTheBodyKeepTheirPath() {
        RefusedTextException refused = refused("{\"registrations\":[{\"legalName\":\"A\"},"
                + "{\"legalName\":\"\\u200bB\",\"owner\":{\"name\":\"C\"}}]}", Batch.class);

        assertThat(refused.refusals()).extracting(Refusal::path).containsExactly("registrations[1].legalName");
    }

    @Test
    void listEntriesAndNestedObjectsAreNamedByTheirPath() {
        RefusedTextException refused = refused("{\"legalName\":\"A\",\"keywords\":[\"ok\",\"\\ufeffIoT\"],"
                + "\"contacts\":[{\"name\":\"B\"},{\"name\":\"\\u2066C\",\"email\":\"c\\u0000@example.jp\"}]}", Profile.class);

        assertThat(refused.refusals()).extracting(Refusal::path).containsExactly(
                "keywords[1]", "contacts[1].name", "contacts[1].email");
    }

    @Test
    void theProblemNamesEachFieldLikeAnyOtherRefusedValue() {
        Problem problem = JsonBodyProblems.describe(refused("{\"englishName\":\"\\u202e\"}", Profile.class));

        assertThat(problem.errors()).containsExactly(new InvalidField("englishName",
                "must not contain bidirectional formatting characters (U+202E at position 1)"));
    }

    @Test
    void lineFeedsOnlyWhereTheFieldIsMultiLine() {
        assertThat(strict.readValue("{\"reason\":\"OTHER\",\"note\":\"一行目\\n二行目\"}", Decision.class).note())
                .isEqualTo("一行目\n二行目");
        assertThat(refused("{\"reason\":\"OTHER\\n\",\"note\":\"a\\r\\nb\"}", Decision.class).refusals())
                .extracting(Refusal::path, Refusal::message).containsExactly(
                        tuple("reason", "must be a single line (U+000A at position 6)"),
                        tuple("note", "must not contain control characters (U+000D at position 2)"));
    }

    @Test
    void aVerbatimSecretIsNeitherNormalisedNorRefused() {
        NewPassword read = strict.readValue("{\"password\":\"\u30AB\u3099\\u200d\\u202e\",\"confirmation\":\"\u30AB\u3099\"}",
                NewPassword.class);

        assertThat(read.password()).isEqualTo("\u30AB\u3099\u200D\u202E");
        assertThat(read.confirmation()).isEqualTo("ガ"); // only the annotated property is exempt
    }

    @Test
    void aBodyThatIsOnlyAStringIsJudgedToo() {
        assertThat(refused("\"\\u202e\"", String.class).refusals()).extracting(Refusal::path).containsExactly("");
        assertThat(strict.readValue("\"\u30AB\u3099\"", String.class)).isEqualTo("ガ");
    }

    @Test
    void otherRefusalsOfTheBodyStillComeFirst() {
        catchThrowableOfType(UnrecognizedPropertyException.class,
                () -> strict.readValue("{\"legalName\":\"\\u202e\",\"role\":\"ADMIN\"}", Profile.class));
    }

    @Test
    void theApplicationsOwnMapperIsNotTouched() {
        JsonMapper tolerant = JsonMapper.builder().build();

        assertThat(tolerant.readValue("{\"englishName\":\"\\u202e\"}", Profile.class).englishName()).isEqualTo("\u202E");
    }

    private RefusedTextException refused(String json, Class<?> type) {
        RefusedTextException refused = catchThrowableOfType(RefusedTextException.class, () -> strict.readValue(json, type));
        assertThat(refused).as("refused: %s", json).isNotNull();
        return refused;
    }
}
