package jp.iinj.contracts.topics;

import java.util.List;
import java.util.Optional;

import jp.iinj.contracts.membership.MemberRegisteredV1;

/**
 * Every topic of the platform, declared exactly once. Services name topics and event types only through these
 * constants; the AsyncAPI document and the event schemas are checked against this list.
 */
public final class TopicCatalogue {

    public static final EventType<MemberRegisteredV1> MEMBER_REGISTERED_V1 = EventType.of(
            "jp.iinj.membership.member-registered.v1", MemberRegisteredV1.class,
            "membership/member-registered.v1.schema.json");

    /** The membership lifecycle of each organisation, keyed by member id. */
    public static final Topic MEMBER_EVENTS_V1 = new Topic(
            "membership.member-events.v1", PlatformService.MEMBER_REGISTRY, "memberId", Audience.PUBLIC,
            List.of(MEMBER_REGISTERED_V1));

    private static final List<Topic> ALL = List.of(MEMBER_EVENTS_V1);

    private TopicCatalogue() {
    }

    public static List<Topic> all() {
        return ALL;
    }

    public static List<Topic> ownedBy(PlatformService service) {
        return ALL.stream().filter(t -> t.owner() == service).toList();
    }

    public static Optional<Topic> topic(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The one topic that carries an event type. */
    public static Topic topicCarrying(EventType<?> type) {
        return ALL.stream().filter(t -> t.eventTypes().contains(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no topic carries " + type));
    }

    public static Optional<EventType<?>> eventType(String cloudEventType) {
        return ALL.stream().flatMap(t -> t.eventTypes().stream()).filter(t -> t.type().equals(cloudEventType))
                .findFirst();
    }
}
