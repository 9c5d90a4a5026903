package jp.iinj.eventfeeds.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;
import tools.jackson.databind.json.JsonMapper;

/**
 * The six mandatory dialects of the CloudEvents Subscriptions API as truth tables over platform events, and what a
 * subscription request may not say.
 */
class FilterExpressionsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A registration approved in Kyushu (Fukuoka), a match agreed in Aichi, a case event without a prefecture. */
    private static final EventAttributes APPROVED_IN_FUKUOKA = EventAttributes.of(Map.of(
            "id", "e-1", "source", "/iinj/member-registry", "type", "jp.iinj.registry.member-approved.v1",
            "subject", "org-1", "specversion", "1.0", "bureau", "kyushu", "prefecture", "40"));
    private static final EventAttributes AGREED_IN_AICHI = EventAttributes.of(Map.of(
            "id", "e-2", "source", "/iinj/business-matching", "type", "jp.iinj.matching.match-agreed.v1",
            "subject", "match-9", "specversion", "1.0", "bureau", "chubu", "prefecture", "23", "cluster", "tokai-mono"));
    private static final EventAttributes CASE_WITHOUT_PREFECTURE = EventAttributes.of(Map.of(
            "id", "e-3", "source", "/iinj/coordination", "type", "jp.iinj.coordination.case-opened.v1",
            "specversion", "1.0", "bureau", "chubu"));

    private static List<FilterExpression> filters(String json) {
        return FilterExpressions.parse(JSON.readTree(json));
    }

    private static boolean[] truth(String json) {
        List<FilterExpression> parsed = filters(json);
        return new boolean[] {FilterExpressions.allMatch(parsed, APPROVED_IN_FUKUOKA),
                FilterExpressions.allMatch(parsed, AGREED_IN_AICHI),
                FilterExpressions.allMatch(parsed, CASE_WITHOUT_PREFECTURE)};
    }

    private static List<InvalidField> problems(String json) {
        try {
            filters(json);
        } catch (FieldValidationException refused) {
            return refused.errors();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Nested
    class TruthTables {

        /** Columns: approved in Fukuoka, agreed in Aichi, a case without a prefecture. */
        @ParameterizedTest(name = "{0} → {1} {2} {3}")
        @CsvSource(delimiter = '|', textBlock = """
                []                                                                     | true  | true  | true
                [{"exact":{"bureau":"kyushu"}}]                                        | true  | false | false
                [{"exact":{"bureau":"chubu","prefecture":"23"}}]                       | false | true  | false
                [{"exact":{"bureau":"Chubu"}}]                                         | false | false | false
                [{"exact":{"cluster":"tokai-mono"}}]                                   | false | true  | false
                [{"prefix":{"type":"jp.iinj.matching."}}]                              | false | true  | false
                [{"prefix":{"type":"jp.iinj.","bureau":"chu"}}]                        | false | true  | true
                [{"prefix":{"prefecture":"2"}}]                                        | false | true  | false
                [{"suffix":{"type":"-approved.v1"}}]                                   | true  | false | false
                [{"suffix":{"type":".v1","source":"registry"}}]                        | true  | false | false
                [{"suffix":{"prefecture":"0"}}]                                        | true  | false | false
                [{"all":[{"exact":{"bureau":"chubu"}},{"suffix":{"type":"match-agreed.v1"}}]}] | false | true | false
                [{"all":[{"exact":{"bureau":"chubu"}}]}]                               | false | true  | true
                [{"any":[{"exact":{"bureau":"kyushu"}},{"exact":{"prefecture":"23"}}]}] | true | true  | false
                [{"any":[{"exact":{"bureau":"okinawa"}}]}]                             | false | false | false
                [{"not":{"exact":{"bureau":"chubu"}}}]                                 | true  | false | false
                [{"not":{"exact":{"prefecture":"23"}}}]                                | true  | false | true
                [{"not":{"not":{"exact":{"bureau":"kyushu"}}}}]                        | true  | false | false
                [{"exact":{"bureau":"chubu"}},{"not":{"exact":{"subject":"match-9"}}}] | false | false | true
                [{"any":[{"all":[{"exact":{"bureau":"chubu"}},{"prefix":{"type":"jp.iinj.matching."}}]},{"exact":{"bureau":"kyushu"}}]}] | true | true | false
                """)
        void everyDialectAndTheirCombinations(String json, boolean fukuoka, boolean aichi, boolean noPrefecture) {
            assertThat(truth(json)).containsExactly(fukuoka, aichi, noPrefecture);
        }

        @Test
        void theIssuesExamplesEverythingInKyushuAndMatchAgreedInAichi() {
            assertThat(truth("[{\"exact\":{\"bureau\":\"kyushu\"}}]")).containsExactly(true, false, false);
            assertThat(truth("[{\"exact\":{\"type\":\"jp.iinj.matching.match-agreed.v1\",\"prefecture\":\"23\"}}]"))
                    .containsExactly(false, true, false);
        }

        @Test
        void anAbsentAttributeMatchesNoComparisonButItsNegation() {
            for (String dialect : List.of("exact", "prefix", "suffix")) {
                assertThat(truth("[{\"" + dialect + "\":{\"cluster\":\"t\"}}]")[2]).as(dialect).isFalse();
                assertThat(truth("[{\"not\":{\"" + dialect + "\":{\"cluster\":\"t\"}}}]")[2]).as(dialect).isTrue();
            }
        }

        @Test
        void absentOrNullFiltersMatchEverything() {
            assertThat(FilterExpressions.parse(null)).isEmpty();
            assertThat(filters("null")).isEmpty();
        }
    }

    @Nested
    class Refusals {

        @ParameterizedTest
        @ValueSource(strings = {"sql", "cesql", "regex", "EXACT", "Exact"})
        void anUnsupportedDialectIsRefusedByName(String dialect) {
            assertThat(problems("[{\"" + dialect + "\":\"source LIKE '%x%'\"}]")).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("filters[0]");
                assertThat(p.message()).contains("unsupported filter dialect '" + dialect + "'");
            });
        }

        @Test
        void theSpecificationsRulesEmptyNamesValuesAndLists() {
            assertThat(problems("[{\"exact\":{\"type\":\"\"}}]")).extracting(InvalidField::field)
                    .containsExactly("filters[0].exact.type");
            assertThat(problems("[{\"exact\":{\"\":\"x\"}}]")).extracting(InvalidField::field)
                    .containsExactly("filters[0].exact.");
            assertThat(problems("[{\"prefix\":{}}]")).extracting(InvalidField::field)
                    .containsExactly("filters[0].prefix");
            assertThat(problems("[{\"all\":[]}]")).extracting(InvalidField::field).containsExactly("filters[0].all");
            assertThat(problems("[{\"any\":[]}]")).extracting(InvalidField::field).containsExactly("filters[0].any");
            assertThat(problems("[{\"not\":[]}]")).extracting(InvalidField::field).containsExactly("filters[0].not");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{}", "\"exact\"", "[{}]", "[{\"exact\":{\"type\":\"a\"},\"prefix\":{\"type\":\"b\"}}]",
                "[{\"exact\":{\"type\":1}}]", "[{\"exact\":{\"type\":null}}]", "[{\"exact\":{\"type\":[\"a\"]}}]",
                "[{\"exact\":[\"type\"]}]", "[{\"all\":{\"exact\":{\"type\":\"a\"}}}]", "[{\"not\":\"x\"}]",
                "[{\"exact\":{\"data\":\"x\"}}]", "[{\"exact\":{\"correlationid\":\"x\"}}]", "[null]", "[[]]"})
        void malformedExpressionsAreRefused(String json) {
            assertThat(problems(json)).isNotEmpty();
        }

        /** Filters are a JSON tree, not strings the body reader holds to the text policy: they are held to it here. */
        @ParameterizedTest
        @ValueSource(strings = {"a\\u0000b", "a\\r\\nb", "a\\nb", "\\u202ekanto", "kan\\u200bto", "kanto\\ufeff",
                "x\\u2066y"})
        void valuesWithControlBidirectionalOrInvisibleCharactersAreRefused(String value) {
            assertThat(problems("[{\"exact\":{\"bureau\":\"" + value + "\"}}]")).singleElement()
                    .satisfies(p -> assertThat(p.field()).isEqualTo("filters[0].exact.bureau"));
        }

        @Test
        void everyProblemIsNamedAtOnce() {
            assertThat(problems("[{\"exact\":{\"typo\":\"x\"}},{\"any\":[{\"sql\":\"1\"},{\"suffix\":{\"type\":\"\"}}]}]"))
                    .extracting(InvalidField::field)
                    .containsExactly("filters[0].exact.typo", "filters[1].any[0]", "filters[1].any[1].suffix.type");
        }

        @Test
        void expressionsAreBoundedInDepthCountAndLength() {
            String deep = "{\"exact\":{\"type\":\"a\"}}";
            for (int i = 0; i < FilterExpressions.MAX_DEPTH + 2; i++) {
                deep = "{\"not\":" + deep + "}";
            }
            assertThat(problems("[" + deep + "]")).extracting(InvalidField::message)
                    .anySatisfy(message -> assertThat(message).contains("nest at most"));

            String many = "[" + String.join(",", java.util.Collections.nCopies(FilterExpressions.MAX_EXPRESSIONS + 1,
                    "{\"exact\":{\"type\":\"a\"}}")) + "]";
            assertThat(problems(many)).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("at most " + FilterExpressions.MAX_EXPRESSIONS));

            assertThat(problems("[{\"prefix\":{\"subject\":\"" + "x".repeat(FilterExpressions.MAX_VALUE_LENGTH + 1)
                    + "\"}}]")).singleElement().satisfies(p -> assertThat(p.message()).contains("at most"));
        }

        @Test
        void aNameEchoedInAProblemIsCleanedAndShort() {
            assertThat(problems("[{\"" + "\\u0000".repeat(3) + "y".repeat(100) + "\":{}}]")).singleElement()
                    .satisfies(p -> assertThat(p.message()).doesNotContain("\u0000").contains("y…"));
        }
    }
}
