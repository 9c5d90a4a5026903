package jp.iinj.contracts.topics;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Kafka topic: its name, the one service that writes it, what its record key is, and the event types it carries.
 * Keys are always strings (the aggregate id, so an aggregate's events stay in order); values are CloudEvents in
 * Kafka binary mode, their data JSON.
 */
public record Topic(String name, PlatformService owner, String key, Audience audience, List<EventType<?>> eventTypes) {

    private static final Pattern TOPIC_NAME = Pattern.compile("^[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*$");

    /** Suffix of the dead-letter topic that consumers of a topic write poison records to. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    public Topic {
        if (!TOPIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("topic name must be <context>.<kebab-name>.v<N>: " + name);
        }
        if (eventTypes.isEmpty()) {
            throw new IllegalArgumentException("topic " + name + " carries no event type");
        }
        eventTypes = List.copyOf(eventTypes);
    }

    public String deadLetterTopic() {
        return name + DEAD_LETTER_SUFFIX;
    }

    public Optional<EventType<?>> eventType(String cloudEventType) {
        return eventTypes.stream().filter(t -> t.type().equals(cloudEventType)).findFirst();
    }
}
