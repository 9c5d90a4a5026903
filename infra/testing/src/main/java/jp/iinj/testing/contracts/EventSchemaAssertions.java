package jp.iinj.testing.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import jp.iinj.contracts.topics.EventType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Asserts that an event payload satisfies its JSON Schema (draft 2020-12) from the contracts module. */
public final class EventSchemaAssertions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    // "format" is only an annotation in 2020-12 by default; a contract that says date-time means it
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true)
                    .locale(Locale.ENGLISH)
                    .build()));

    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    private EventSchemaAssertions() {
    }

    public static void assertValidAgainstSchema(EventType<?> eventType, byte[] json) {
        assertValidAgainstSchema(eventType.schemaClasspathLocation(), json);
    }

    /** @param schemaClasspathLocation e.g. {@code contracts/events/membership/member-registered.v1.schema.json} */
    public static void assertValidAgainstSchema(String schemaClasspathLocation, byte[] json) {
        Schema schema = LOADED.computeIfAbsent(schemaClasspathLocation, EventSchemaAssertions::load);
        List<com.networknt.schema.Error> errors = schema.validate(parse(json, schemaClasspathLocation));
        if (!errors.isEmpty()) {
            throw new AssertionError(errors.size() + " violation(s) of " + schemaClasspathLocation + ":"
                    + errors.stream().map(e -> "\n  " + e).collect(Collectors.joining())
                    + "\nin " + new String(json, StandardCharsets.UTF_8));
        }
    }

    private static JsonNode parse(byte[] json, String schemaClasspathLocation) {
        try {
            return JSON.readTree(json);
        }
        catch (JacksonException e) {
            throw new AssertionError("Not JSON, so not valid against " + schemaClasspathLocation + ": "
                    + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    private static Schema load(String classpathLocation) {
        try (InputStream schema = EventSchemaAssertions.class.getClassLoader().getResourceAsStream(classpathLocation)) {
            if (schema == null) {
                throw new IllegalArgumentException("No JSON Schema on the classpath at " + classpathLocation);
            }
            return SCHEMAS.getSchema(new String(schema.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not read the JSON Schema at " + classpathLocation, e);
        }
    }
}
