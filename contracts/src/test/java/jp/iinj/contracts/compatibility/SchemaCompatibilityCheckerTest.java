package jp.iinj.contracts.compatibility;

import static jp.iinj.contracts.compatibility.SchemaCompatibilityChecker.breakingChanges;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SchemaCompatibilityCheckerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode baseline = fixture("baseline");

    @Test
    void optionalFieldsAndAnnotationEditsAreCompatible() {
        assertThat(breakingChanges(baseline, fixture("optional-fields-added"))).isEmpty();
    }

    @Test
    void identicalSchemasAreCompatible() {
        assertThat(breakingChanges(baseline, fixture("baseline"))).isEmpty();
    }

    @Test
    void removingAFieldBreaks() {
        assertThat(messages(breakingChanges(baseline, fixture("field-removed"))))
                .containsExactly("#/properties/note: property removed");
    }

    @Test
    void requiringAFieldBreaks() {
        assertThat(messages(breakingChanges(baseline, fixture("required-added"))))
                .containsExactly("#/required: 'note' became required");
    }

    @Test
    void changingATypeBreaks() {
        assertThat(messages(breakingChanges(baseline, fixture("type-changed"))))
                .containsExactly("#/properties/id/type: changed from \"string\" to \"integer\"");
    }

    @Test
    void removingAnEnumValueBreaks() {
        assertThat(messages(breakingChanges(baseline, fixture("enum-value-removed"))))
                .containsExactly("#/properties/status/enum: value \"CLOSED\" removed");
    }

    @Test
    void changingANestedTypeBreaks() {
        List<BreakingChange> changes = breakingChanges(baseline, fixture("nested-type-changed"));

        assertThat(changes).extracting(BreakingChange::location)
                .containsExactly("#/properties/address/properties/prefectureCode/type");
        assertThat(messages(changes)).containsExactly(
                "#/properties/address/properties/prefectureCode/type: changed from \"string\" to \"integer\"");
    }

    @Test
    void relaxingARequirementBreaksConsumersThatRelyOnIt() {
        assertThat(messages(breakingChanges(
                json("""
                        {"type": "object", "required": ["id", "status"], "properties": {"id": {}, "status": {}}}"""),
                json("""
                        {"type": "object", "required": ["id"], "properties": {"id": {}, "status": {}}}"""))))
                .containsExactly("#/required: 'status' is no longer required");
    }

    @Test
    void addingOrLooseningAValidationKeywordBreaks() {
        assertThat(messages(breakingChanges(
                json("""
                        {"properties": {"code": {"type": "string", "pattern": "^[0-9]{2}$"}}}"""),
                json("""
                        {"properties": {"code": {"type": "string", "pattern": "^[0-9]{2,3}$", "maxLength": 3}}}"""))))
                .containsExactly(
                        "#/properties/code/pattern: changed from \"^[0-9]{2}$\" to \"^[0-9]{2,3}$\"",
                        "#/properties/code/maxLength: added 3");
    }

    @Test
    void addingAPropertyToAClosedObjectBreaksReadersOfTheBaseline() {
        assertThat(messages(breakingChanges(
                json("""
                        {"additionalProperties": false, "properties": {"id": {}}}"""),
                json("""
                        {"additionalProperties": false, "properties": {"id": {}, "extra": {}}}"""))))
                .containsExactly("#/properties/extra: property added where the baseline allows no other properties");
    }

    @Test
    void arrayItemsFollowTheSameRules() {
        JsonNode before = json("""
                {"properties": {"tags": {"type": "array", "items": {"properties": {"name": {"type": "string"}}}}}}""");

        assertThat(breakingChanges(before, json("""
                {"properties": {"tags": {"type": "array", "items": {"properties": {"name": {"type": "string"}, "lang": {}}}}}}""")))
                .isEmpty();
        assertThat(messages(breakingChanges(before, json("""
                {"properties": {"tags": {"type": "array", "items": {"properties": {}}}}}"""))))
                .containsExactly("#/properties/tags/items/properties/name: property removed");
    }

    @Test
    void insideCombinatorsEvenAnOptionalPropertyBreaksButAnnotationsDoNot() {
        JsonNode before = json("""
                {"oneOf": [{"properties": {"kind": {"const": "a"}}}, {"properties": {"kind": {"const": "b"}}}]}""");

        assertThat(breakingChanges(before, json("""
                {"oneOf": [{"title": "A", "properties": {"kind": {"const": "a"}}}, {"properties": {"kind": {"const": "b"}}}]}""")))
                .isEmpty();
        assertThat(messages(breakingChanges(before, json("""
                {"oneOf": [{"properties": {"kind": {"const": "a"}, "x": {}}}, {"properties": {"kind": {"const": "b"}}}]}"""))))
                .containsExactly("#/oneOf/0/properties/x: property added");
        assertThat(messages(breakingChanges(before, json("""
                {"oneOf": [{"properties": {"kind": {"const": "a"}}}]}"""))))
                .singleElement().asString().startsWith("#/oneOf: changed from [");
    }

    @Test
    void newDefinitionsAreCompatibleButRemovedOnesBreak() {
        JsonNode before = json("""
                {"$defs": {"code": {"type": "string"}}}""");

        assertThat(breakingChanges(before, json("""
                {"$defs": {"code": {"type": "string"}, "name": {"type": "string"}}}"""))).isEmpty();
        assertThat(messages(breakingChanges(before, json("{}")))).containsExactly("#/$defs/code: removed");
    }

    @Test
    void locationsEscapeJsonPointerTokens() {
        assertThat(messages(breakingChanges(
                json("""
                        {"properties": {"a/b": {}}}"""),
                json("{}"))))
                .containsExactly("#/properties/a~1b: property removed");
    }

    private static List<String> messages(List<BreakingChange> changes) {
        return changes.stream().map(BreakingChange::toString).toList();
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static JsonNode fixture(String name) {
        String location = "compatibility-fixtures/" + name + ".schema.json";
        try (InputStream in = SchemaCompatibilityCheckerTest.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException("missing test fixture " + location);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
