package jp.iinj.memberregistry.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.httpapi.core.validation.InputValidation;
import tools.jackson.databind.json.JsonMapper;

/**
 * The profile's rules name each field and say what is wrong exactly as clients were always told: these texts are
 * part of the API (registration, profile update and, with CSV column names, import rows).
 */
class ProfileInputTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final InputValidation VALIDATION = new InputValidation(FACTORY.getValidator());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<String, Object> VALID = Map.ofEntries(
            Map.entry("legalName", " 株式会社信濃川精機 "),
            Map.entry("legalNameKana", "ｼﾅﾉｶﾞﾜｾｲｷ"),
            Map.entry("englishName", "Shinanogawa Seiki"),
            Map.entry("organisationType", "SME"),
            Map.entry("prefectureCode", "15"),
            Map.entry("address", "新潟県長岡市"),
            Map.entry("website", "https://shinanogawa.example.jp"),
            Map.entry("jsicCodes", List.of(Map.of("revision", "14", "code", "2611"), Map.of("revision", "14", "code", "E"))),
            Map.entry("technologyFields", List.of("ict")),
            Map.entry("keywords", List.of("金型", " 精密 ")),
            Map.entry("clusterIds", List.of("niigata-precision")),
            Map.entry("contacts", List.of(Map.of("name", "信濃 花子", "email", "hanako@shinanogawa.example.jp",
                    "phone", "+81 (258) 00-0000"))));

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void aCompleteProfileIsValid() {
        assertThat(VALIDATION.problems(input(Map.of()))).isEmpty();
    }

    static Stream<Arguments> invalidProfiles() {
        return Stream.of(
                Arguments.of("legalName", null, "legalName", "must not be blank"),
                Arguments.of("legalName", "名".repeat(201), "legalName", "size must be between 1 and 200"),
                Arguments.of("legalName", "株式会社\u0000", "legalName",
                        "must not contain control characters (U+0000 at position 5)"),
                Arguments.of("legalName", "検証\u202e社会式株", "legalName",
                        "must not contain bidirectional formatting characters (U+202E at position 3)"),
                Arguments.of("englishName", "\u202e", "englishName",
                        "must not contain bidirectional formatting characters (U+202E at position 1)"),
                Arguments.of("englishName", "Test\u2066 Seiki", "englishName",
                        "must not contain bidirectional formatting characters (U+2066 at position 5)"),
                Arguments.of("legalName", "ガ".repeat(201), "legalName", "size must be between 1 and 200"),
                Arguments.of("legalNameKana", "しなのがわ", "legalNameKana", "must be written in katakana"),
                Arguments.of("organisationType", null, "organisationType", "must not be null"),
                Arguments.of("prefectureCode", "48", "prefectureCode", "unknown JIS X 0401 prefecture code"),
                Arguments.of("prefectureCode", null, "prefectureCode", "unknown JIS X 0401 prefecture code"),
                Arguments.of("address", "住".repeat(301), "address", "size must be between 1 and 300"),
                Arguments.of("website", "ftp://example.jp", "website", "must be an http or https URL"),
                Arguments.of("jsicCodes", Collections.nCopies(21, Map.of("revision", "14", "code", "E")), "jsicCodes",
                        "at most 20 codes"),
                Arguments.of("jsicCodes", List.of(Map.of("revision", "13", "code", "E")), "jsicCodes[0].revision",
                        "must be one of [14]"),
                Arguments.of("jsicCodes", List.of(Map.of("revision", "14", "code", "E1")), "jsicCodes[0].code",
                        "must be a division letter A-T or a 2-4 digit code"),
                Arguments.of("technologyFields", List.of("ict", "alchemy"), "technologyFields[1]",
                        "not in the technology-field vocabulary technology-fields.v1"),
                Arguments.of("technologyFields", Collections.nCopies(21, "ict"), "technologyFields", "at most 20 entries"),
                Arguments.of("keywords", List.of("ok", " "), "keywords[1]", "must not be blank"),
                Arguments.of("keywords", List.of("語".repeat(61)), "keywords[0]", "size must be between 1 and 60"),
                Arguments.of("keywords", List.of("ok", "Io\u200bT"), "keywords[1]",
                        "must not contain invisible or formatting characters (U+200B at position 3)"),
                Arguments.of("keywords", Collections.nCopies(31, "a"), "keywords", "at most 30 entries"),
                Arguments.of("clusterIds", List.of(""), "clusterIds[0]", "not a cluster id"),
                Arguments.of("clusterIds", Collections.nCopies(21, "c"), "clusterIds", "at most 20 entries"),
                Arguments.of("contacts", Collections.nCopies(11, Map.of("name", "A", "email", "a@example.jp")),
                        "contacts", "at most 10 contact persons"),
                Arguments.of("contacts", Collections.singletonList(null), "contacts[0]", "must not be null"),
                Arguments.of("contacts", List.of(Map.of("email", "a@example.jp")), "contacts[0].name", "must not be blank"),
                Arguments.of("contacts", List.of(Map.of("name", "\uFEFF山田", "email", "a@example.jp")), "contacts[0].name",
                        "must not contain invisible or formatting characters (U+FEFF at position 1)"),
                Arguments.of("contacts", List.of(Map.of("name", "A", "email", "a.example.jp")), "contacts[0].email",
                        "must be a well-formed email address"),
                Arguments.of("contacts", List.of(Map.of("name", "A", "email", "a@example.jp", "phone", "call me")),
                        "contacts[0].phone", "digits, spaces, +, - and parentheses only"));
    }

    @Test
    void lengthsAreCodePointsOfTheNfcForm() {
        // 200 × ガ sent as カ + U+3099 (400 UTF-16 units), 60 emoji (120 UTF-16 units)
        Map<String, Object> change = new HashMap<>();
        change.put("legalName", "\u30AB\u3099".repeat(200));
        change.put("keywords", List.of("😀".repeat(60)));

        assertThat(VALIDATION.problems(input(change))).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1} → {2}: {3}")
    @MethodSource("invalidProfiles")
    void eachRuleNamesItsFieldAsBefore(String field, Object value, String named, String message) {
        Map<String, Object> change = new HashMap<>();
        change.put(field, value);

        assertThat(VALIDATION.problems(input(change))).containsExactly(new InvalidField(named, message));
    }

    @Test
    void problemsComeInTheOrderTheFieldsAreDeclared() {
        Map<String, Object> change = new HashMap<>();
        change.put("contacts", List.of(Map.of("name", "A", "email", "x")));
        change.put("legalName", " ");
        change.put("keywords", List.of("", "a", ""));
        change.put("prefectureCode", "00");

        assertThat(VALIDATION.problems(input(change))).extracting(InvalidField::field)
                .containsExactly("legalName", "prefectureCode", "keywords[0]", "keywords[2]", "contacts[0].email");
    }

    private static ProfileInput input(Map<String, Object> changes) {
        Map<String, Object> fields = new HashMap<>(VALID);
        fields.putAll(changes);
        return JSON.convertValue(fields, ProfileInput.class);
    }
}
