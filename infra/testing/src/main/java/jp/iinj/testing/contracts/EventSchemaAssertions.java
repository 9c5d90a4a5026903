package jp.iinj.testing.contracts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import jp.iinj.contracts.topics.EventSchemas;
import jp.iinj.contracts.topics.EventType;

/** Asserts that an event payload satisfies its JSON Schema (draft 2020-12) from the contracts module. */
public final class EventSchemaAssertions {

    private EventSchemaAssertions() {
    }

    public static void assertValidAgainstSchema(EventType<?> eventType, byte[] json) {
        assertValidAgainstSchema(eventType.schemaClasspathLocation(), json);
    }

    /** @param schemaClasspathLocation e.g. {@code contracts/events/membership/member-registered.v1.schema.json} */
    public static void assertValidAgainstSchema(String schemaClasspathLocation, byte[] json) {
        List<String> violations = EventSchemas.violations(schemaClasspathLocation, json);
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " violation(s) of " + schemaClasspathLocation + ":"
                    + violations.stream().map(violation -> "\n  " + violation).collect(Collectors.joining())
                    + "\nin " + new String(json, StandardCharsets.UTF_8));
        }
    }
}
