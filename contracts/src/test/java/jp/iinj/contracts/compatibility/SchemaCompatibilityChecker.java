package jp.iinj.contracts.compatibility;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Compares an event schema with its published baseline. Only optional additive changes are compatible: a new
 * property that is not required, and edits of annotations. Everything else (removing a property, changing a
 * keyword, changing what is required) breaks someone, either the consumers built against the baseline or the
 * producers still writing it.
 */
public final class SchemaCompatibilityChecker {

    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "examples", "$comment", "deprecated");

    /**
     * Keywords holding subschemas whose meaning flips or narrows with any edit (a property added inside {@code not}
     * or one branch of {@code oneOf} changes which instances match), so only annotation edits are allowed there.
     */
    private static final Set<String> STRICT_SCHEMAS = Set.of("additionalProperties", "unevaluatedProperties",
            "unevaluatedItems", "propertyNames", "contains", "not", "if", "then", "else", "contentSchema");
    private static final Set<String> STRICT_SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf");
    private static final Set<String> STRICT_SCHEMA_MAPS = Set.of("patternProperties", "dependentSchemas");

    private final List<BreakingChange> changes = new ArrayList<>();

    private SchemaCompatibilityChecker() {
    }

    /** The breaking changes from {@code baseline} to {@code current}, in document order; empty when compatible. */
    public static List<BreakingChange> breakingChanges(JsonNode baseline, JsonNode current) {
        SchemaCompatibilityChecker checker = new SchemaCompatibilityChecker();
        checker.compareSchemas("#", baseline, current, false);
        return List.copyOf(checker.changes);
    }

    /** @param strict whether additions are breaking too, as inside combinators */
    private void compareSchemas(String location, JsonNode baseline, JsonNode current, boolean strict) {
        if (!baseline.isObject() || !current.isObject()) {
            compareValues(location, baseline, current);
            return;
        }
        Set<String> keywords = new LinkedHashSet<>(baseline.propertyNames());
        keywords.addAll(current.propertyNames());
        for (String keyword : keywords) {
            if (ANNOTATIONS.contains(keyword)) {
                continue;
            }
            String at = child(location, keyword);
            JsonNode before = baseline.path(keyword);
            JsonNode after = current.path(keyword);
            if (keyword.equals("required")) {
                compareRequired(at, before, after);
            } else if (keyword.equals("properties")) {
                compareProperties(at, before, after, strict, closed(baseline));
            } else if (keyword.equals("$defs")) {
                compareSchemaMaps(at, before, after, strict);
            } else if (before.isMissingNode() || after.isMissingNode()) {
                compareValues(at, before, after);
            } else if (keyword.equals("items")) {
                compareSchemas(at, before, after, strict);
            } else if (keyword.equals("prefixItems")) {
                compareSchemaLists(at, before, after, strict);
            } else if (STRICT_SCHEMAS.contains(keyword)) {
                compareSchemas(at, before, after, true);
            } else if (STRICT_SCHEMA_LISTS.contains(keyword)) {
                compareSchemaLists(at, before, after, true);
            } else if (STRICT_SCHEMA_MAPS.contains(keyword)) {
                compareSchemaMaps(at, before, after, true);
            } else if (keyword.equals("enum")) {
                compareEnums(at, before, after);
            } else {
                compareValues(at, before, after);
            }
        }
    }

    /** @param closed whether readers of the baseline reject properties it does not declare */
    private void compareProperties(String location, JsonNode baseline, JsonNode current, boolean strict, boolean closed) {
        for (String name : baseline.propertyNames()) {
            if (current.has(name)) {
                compareSchemas(child(location, name), baseline.get(name), current.get(name), strict);
            } else {
                report(child(location, name), "property removed");
            }
        }
        for (String name : current.propertyNames()) {
            if (!baseline.has(name) && closed) {
                report(child(location, name), "property added where the baseline allows no other properties");
            } else if (!baseline.has(name) && strict) {
                report(child(location, name), "property added");
            }
        }
    }

    private void compareRequired(String location, JsonNode baseline, JsonNode current) {
        Set<String> before = strings(baseline);
        Set<String> after = strings(current);
        after.stream().filter(name -> !before.contains(name)).forEach(name -> report(location, "'" + name + "' became required"));
        before.stream().filter(name -> !after.contains(name)).forEach(name -> report(location, "'" + name + "' is no longer required"));
    }

    private void compareEnums(String location, JsonNode baseline, JsonNode current) {
        if (!baseline.isArray() || !current.isArray()) {
            compareValues(location, baseline, current);
            return;
        }
        baseline.values().stream().filter(value -> !contains(current, value)).forEach(value -> report(location, "value " + value + " removed"));
        current.values().stream().filter(value -> !contains(baseline, value)).forEach(value -> report(location, "value " + value + " added"));
    }

    private void compareSchemaLists(String location, JsonNode baseline, JsonNode current, boolean strict) {
        if (!baseline.isArray() || !current.isArray() || baseline.size() != current.size()) {
            compareValues(location, baseline, current);
            return;
        }
        for (int i = 0; i < baseline.size(); i++) {
            compareSchemas(child(location, String.valueOf(i)), baseline.get(i), current.get(i), strict);
        }
    }

    private void compareSchemaMaps(String location, JsonNode baseline, JsonNode current, boolean strict) {
        for (String name : baseline.propertyNames()) {
            if (current.has(name)) {
                compareSchemas(child(location, name), baseline.get(name), current.get(name), strict);
            } else {
                report(child(location, name), "removed");
            }
        }
        for (String name : current.propertyNames()) {
            // an unreferenced definition changes nothing; referencing it means editing a $ref, which is reported
            if (!baseline.has(name) && strict) {
                report(child(location, name), "added");
            }
        }
    }

    private void compareValues(String location, JsonNode baseline, JsonNode current) {
        if (baseline.isMissingNode()) {
            report(location, "added " + current);
        } else if (current.isMissingNode()) {
            report(location, "removed (was " + baseline + ")");
        } else if (!baseline.equals(current)) {
            report(location, "changed from " + baseline + " to " + current);
        }
    }

    private static boolean closed(JsonNode schema) {
        return schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").booleanValue()
                || schema.path("unevaluatedProperties").isBoolean() && !schema.path("unevaluatedProperties").booleanValue();
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.values().forEach(value -> values.add(value.asString()));
        return values;
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        return array.values().stream().anyMatch(value::equals);
    }

    private static String child(String location, String token) {
        return location + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    private void report(String location, String reason) {
        changes.add(new BreakingChange(location, reason));
    }
}
