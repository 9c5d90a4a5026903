package jp.iinj.eventing.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jp.iinj.contracts.topics.CloudEventAttributes;
import jp.iinj.contracts.topics.EventType;
import jp.iinj.contracts.topics.PlatformService;
import jp.iinj.contracts.topics.Topic;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventing.cloudevents.EventMetadata;
import jp.iinj.eventing.cloudevents.EventRegion;
import jp.iinj.eventing.cloudevents.EventPayloadJson;

/**
 * Turns a domain payload into an outbox entry for the topic that carries its event type. Refuses topics this
 * service does not own: every topic has exactly one writer.
 */
public class OutboxEventFactory {

    private static final String SCHEMA_BASE = "https://iinj.jp/contracts/events/";

    private final PlatformService service;
    private final EventPayloadJson json;
    private final Clock clock;

    public OutboxEventFactory(PlatformService service, EventPayloadJson json, Clock clock) {
        this.service = service;
        this.json = json;
        this.clock = clock;
    }

    /** An event that happens now, by the platform clock. */
    public <P> OutboxEntry create(EventType<P> type, String aggregateId, P payload, EventRegion region,
                                  String correlationId) {
        return create(type, aggregateId, payload, region, correlationId, clock.instant());
    }

    /**
     * @param aggregateId   the record key and CloudEvents subject, so one aggregate's events stay in order
     * @param correlationId the request or event that caused this one; may be null
     * @param occurredAt    when the change happened: the CloudEvents {@code time}, equal to the time the payload states
     */
    public <P> OutboxEntry create(EventType<P> type, String aggregateId, P payload, EventRegion region,
                                  String correlationId, Instant occurredAt) {
        Topic topic = TopicCatalogue.topicCarrying(type);
        if (topic.owner() != service) {
            throw new IllegalStateException(service.serviceName() + " may not write " + type + ": topic "
                    + topic.name() + " belongs to " + topic.owner().serviceName());
        }
        Map<String, String> extensions = new LinkedHashMap<>(region.asExtensionAttributes());
        if (correlationId != null) {
            extensions.put(CloudEventAttributes.CORRELATION_ID, correlationId);
        }
        // MongoDB keeps milliseconds: truncate so ce_time is the same wherever it is read from
        EventMetadata event = new EventMetadata(UUID.randomUUID().toString(), service.eventSource(), type.type(),
                aggregateId, occurredAt.truncatedTo(ChronoUnit.MILLIS), SCHEMA_BASE + type.schemaPath(), extensions);
        return OutboxEntry.pending(topic.name(), aggregateId, event, json.write(payload));
    }
}
