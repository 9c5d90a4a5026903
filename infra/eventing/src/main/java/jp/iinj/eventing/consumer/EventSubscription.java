package jp.iinj.eventing.consumer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jp.iinj.contracts.topics.EventType;
import jp.iinj.contracts.topics.Topic;
import reactor.core.publisher.Mono;

/**
 * A service's interest in one topic: which event types it handles and how. Declared as a bean; the eventing
 * configuration runs one consumer group per subscription, {@code <service>.<name>}.
 *
 * <p>A subscription names the types it handles ({@link Builder#on}), or takes every type the topic carries, types
 * added later included ({@link Builder#onEveryType}), for a service that forwards events. A type that a subscription
 * has no handler for is counted ({@code iinj.events.unhandled}) and logged once, so producers may add types to a topic.
 */
public final class EventSubscription {

    private static final Pattern NAME = Pattern.compile("^[a-z]+(-[a-z]+)*$");

    private final String name;
    private final Topic topic;
    private final Map<String, Handling<?>> handlers;
    private final Handling<byte[]> everyType;
    private final boolean everyInstance;
    private final boolean idempotentByEventId;

    private EventSubscription(String name, Topic topic, Map<String, Handling<?>> handlers, Handling<byte[]> everyType,
                              boolean everyInstance, boolean idempotentByEventId) {
        this.name = name;
        this.topic = topic;
        this.handlers = Map.copyOf(handlers);
        this.everyType = everyType;
        this.everyInstance = everyInstance;
        this.idempotentByEventId = idempotentByEventId;
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

    /** Every running instance of the service gets every event ({@link Builder#onEveryInstance}). */
    public boolean everyInstance() {
        return everyInstance;
    }

    /** No record of applied events is kept: every instance's own, or handlers idempotent by the event id. */
    public boolean recordsAppliedEvents() {
        return !everyInstance && !idempotentByEventId;
    }

    /** The handling of a CloudEvents type: its own handler, else the every-type handler, else none. */
    Optional<Handling<?>> handlingOf(String cloudEventType) {
        Handling<?> handling = handlers.get(cloudEventType);
        return Optional.ofNullable(handling != null ? handling : everyType);
    }

    /**
     * How one kind of event is read and applied.
     *
     * @param type the event type, or null for the every-type handler (whose payload is the data's bytes)
     */
    record Handling<P>(EventType<P> type, EventHandler<P> handler) {
    }

    public static final class Builder {
        private final String name;
        private final Topic topic;
        private final Map<String, Handling<?>> handlers = new LinkedHashMap<>();
        private Handling<byte[]> everyType;
        private boolean everyInstance;
        private boolean idempotentByEventId;

        private Builder(String name, Topic topic) {
            this.name = name;
            this.topic = topic;
        }

        /** Applies events of {@code type} with a reactive handler. */
        public <P> Builder on(EventType<P> type, EventHandler<P> handler) {
            if (topic.eventType(type.type()).isEmpty()) {
                throw new IllegalArgumentException(type + " is not carried by " + topic.name());
            }
            handlers.put(type.type(), new Handling<>(type, handler));
            return this;
        }

        /** Applies events of {@code type} with blocking code, on the consumer's thread. */
        public <P> Builder onBlocking(EventType<P> type, BlockingEventHandler<P> handler) {
            return on(type, blocking(handler));
        }

        /**
         * Applies every event of the topic that no {@link #on} handler takes, whatever its type, types added to the
         * topic later included. The payload is the data's bytes as received.
         */
        public Builder onEveryType(EventHandler<byte[]> handler) {
            everyType = new Handling<>(null, handler);
            return this;
        }

        /** {@link #onEveryType} with blocking code, on the consumer's thread. */
        public Builder onEveryTypeBlocking(BlockingEventHandler<byte[]> handler) {
            return onEveryType(blocking(handler));
        }

        /**
         * Every running instance gets every event, from when it starts (not one instance per event, as by default):
         * for state each instance keeps in memory, such as a search index. Each instance reads in a consumer group of
         * its own, {@code <service>.<name>.<instance id>}, from the latest offset; nothing records which events it
         * applied, so the handler must be idempotent, and the instance must load what came before from the store.
         */
        public Builder onEveryInstance() {
            everyInstance = true;
            return this;
        }

        /**
         * The handlers themselves apply an event at most once, keyed by its CloudEvents id (an insert with the id as
         * its key, say), so the library keeps no record of applied ids: one write per event instead of three round
         * trips, for subscriptions that must keep up with every event of a topic.
         */
        public Builder idempotentByEventId() {
            idempotentByEventId = true;
            return this;
        }

        public EventSubscription build() {
            if (handlers.isEmpty() && everyType == null) {
                throw new IllegalStateException("subscription " + name + " handles no event type");
            }
            return new EventSubscription(name, topic, handlers, everyType, everyInstance, idempotentByEventId);
        }

        // the listener blocks on the handler's Mono on the consumer thread, so this runs there too
        private static <P> EventHandler<P> blocking(BlockingEventHandler<P> handler) {
            return event -> Mono.fromRunnable(() -> handler.handle(event));
        }
    }
}
