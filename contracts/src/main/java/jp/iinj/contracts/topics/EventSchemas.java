package jp.iinj.contracts.topics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an event's data against the JSON Schema (draft 2020-12) its type names: the one check that producers'
 * tests and consumers share. Schemas are read from the classpath once and kept.
 */
public final class EventSchemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    // "format" is only an annotation in 2020-12 by default; a contract that says date-time or email means it
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true)
                    .locale(Locale.ENGLISH)
                    .build()));

    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** What is wrong with {@code data} as a payload of {@code type}; empty when it is valid. */
    public static List<String> violations(EventType<?> type, byte[] data) {
        return violations(type.schemaClasspathLocation(), data);
    }

    /** @param schemaClasspathLocation e.g. {@code contracts/events/membership/member-registered.v1.schema.json} */
    public static List<String> violations(String schemaClasspathLocation, byte[] data) {
        Schema schema = LOADED.computeIfAbsent(schemaClasspathLocation, EventSchemas::load);
        JsonNode json;
        try {
            json = JSON.readTree(data);
        } catch (JacksonException notJson) {
            return List.of("Not JSON, so not valid against " + schemaClasspathLocation + ": " + notJson.getOriginalMessage());
        }
        return schema.validate(json).stream().map(error -> explained(error, schema.getSchemaNode())).toList();
    }

    /** The violation, followed by the contract's description of the field, for whoever reads a dead letter. */
    private static String explained(com.networknt.schema.Error error, JsonNode root) {
        JsonNode field = root;
        NodePath location = error.getInstanceLocation();
        for (int segment = 0; segment < location.getNameCount() && field != null; segment++) {
            field = location.getElement(segment) instanceof Integer ? field.get("items")
                    : field.path("properties").get(location.getName(segment));
        }
        JsonNode description = field == null || location.getNameCount() == 0 ? null : field.get("description");
        return description == null || !description.isString() ? error.toString()
                : error + " (" + location + ": " + description.asString() + ")";
    }

    private static Schema load(String classpathLocation) {
        try (InputStream schema = EventSchemas.class.getClassLoader().getResourceAsStream(classpathLocation)) {
            if (schema == null) {
                throw new IllegalArgumentException("No JSON Schema on the classpath at " + classpathLocation);
            }
            return REGISTRY.getSchema(new String(schema.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the JSON Schema at " + classpathLocation, e);
        }
    }
}
