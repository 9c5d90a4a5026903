package jp.iinj.eventing.consumer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jp.iinj.contracts.topics.EventType;
import jp.iinj.contracts.topics.Topic;

/**
 * A service's interest in one topic: which event types it handles and how. Declared as a bean; the eventing
 * configuration runs one consumer group per subscription, {@code <service>.<name>}. Event types without a handler
 * are skipped, so producers may add new types to a topic.
 */
public final class EventSubscription {

    private static final Pattern NAME = Pattern.compile("^[a-z]+(-[a-z]+)*$");

    private final String name;
    private final Topic topic;
    private final Map<String, Handling<?>> handlers;

    private EventSubscription(String name, Topic topic, Map<String, Handling<?>> handlers) {
        this.name = name;
        this.topic = topic;
        this.handlers = Map.copyOf(handlers);
    }

    /** @param name kebab-case, says what the subscription is for, e.g. {@code member-accounts} */
    public static Builder to(Topic topic, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("subscription name must be kebab-case: " + name);
        }
        return new Builder(name, topic);
    }

    public String name() {
        return name;
    }

    public Topic topic() {
        return topic;
    }

    Optional<Handling<?>> handlingOf(String cloudEventType) {
        return Optional.ofNullable(handlers.get(cloudEventType));
    }

    record Handling<P>(EventType<P> type, EventHandler<P> handler) {
    }

    public static final class Builder {
        private final String name;
        private final Topic topic;
        private final Map<String, Handling<?>> handlers = new LinkedHashMap<>();

        private Builder(String name, Topic topic) {
            this.name = name;
            this.topic = topic;
        }

        public <P> Builder on(EventType<P> type, EventHandler<P> handler) {
            if (topic.eventType(type.type()).isEmpty()) {
                throw new IllegalArgumentException(type + " is not carried by " + topic.name());
            }
            handlers.put(type.type(), new Handling<>(type, handler));
            return this;
        }

        public EventSubscription build() {
            if (handlers.isEmpty()) {
                throw new IllegalStateException("subscription " + name + " handles no event type");
            }
            return new EventSubscription(name, topic, handlers);
        }
    }
}
