package jp.iinj.contracts.topics;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One versioned event type: its CloudEvents {@code type}, the Java record of its payload and the JSON Schema that
 * payload must satisfy. A breaking change is a new type ({@code .v2}), never an edit of this one.
 */
public final class EventType<P> {

    private static final Pattern TYPE_NAME = Pattern.compile("^jp\\.iinj\\.[a-z]+(\\.[a-z]+(-[a-z]+)*)+\\.v[1-9][0-9]*$");

    private final String type;
    private final Class<P> payloadType;
    private final String schemaResource;

    private EventType(String type, Class<P> payloadType, String schemaResource) {
        if (!TYPE_NAME.matcher(type).matches()) {
            throw new IllegalArgumentException("event type must be reverse-DNS, kebab-case and versioned: " + type);
        }
        this.type = type;
        this.payloadType = Objects.requireNonNull(payloadType);
        this.schemaResource = Objects.requireNonNull(schemaResource);
    }

    /**
     * @param type           e.g. {@code jp.iinj.membership.member-registered.v1}
     * @param schemaResource the schema's path below {@code contracts/events/}, e.g.
     *                       {@code membership/member-registered.v1.schema.json}
     */
    public static <P> EventType<P> of(String type, Class<P> payloadType, String schemaResource) {
        return new EventType<>(type, payloadType, schemaResource);
    }

    public String type() {
        return type;
    }

    public Class<P> payloadType() {
        return payloadType;
    }

    /** Classpath location of the JSON Schema, e.g. {@code contracts/events/membership/member-registered.v1.schema.json}. */
    public String schemaClasspathLocation() {
        return "contracts/events/" + schemaResource;
    }

    /** The schema's path relative to {@code contracts/events/} in the repository. */
    public String schemaPath() {
        return schemaResource;
    }

    @Override
    public String toString() {
        return type;
    }
}
