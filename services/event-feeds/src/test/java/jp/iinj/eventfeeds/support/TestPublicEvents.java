package jp.iinj.eventfeeds.support;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.test.context.TestComponent;

import jp.iinj.contracts.coordination.CaseEscalatedV1;
import jp.iinj.contracts.coordination.CaseQueuedV1;
import jp.iinj.contracts.coordination.EscalationReason;
import jp.iinj.contracts.coordination.QueueReason;
import jp.iinj.contracts.notifications.NotificationRequestedV1;
import jp.iinj.contracts.topics.EventType;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.testing.infrastructure.TestInfrastructure;
import jp.iinj.testing.kafka.TestEvents;
import jp.iinj.testing.kafka.TestProducer;
import tools.jackson.databind.json.JsonMapper;

/** Platform events as their owners publish them, over the real broker, with the region a feed filters on. */
@TestComponent
public class TestPublicEvents {

    private final JsonMapper json;
    private final TestProducer producer = TestProducer.connect(TestInfrastructure.shared().kafkaBootstrapServers());

    public TestPublicEvents(JsonMapper json) {
        this.json = json;
    }

    /** A case queued in {@code bureau}; returns the event's id. */
    public String caseQueued(String caseId, String bureau) {
        return send(TopicCatalogue.CASE_QUEUED_V1, UUID.randomUUID().toString(), caseId,
                new CaseQueuedV1(caseId, java.util.List.of(bureau), QueueReason.NO_ELIGIBLE_COORDINATOR,
                        Instant.now()), bureau);
    }

    /** A case escalated to {@code bureau}; returns the event's id. */
    public String caseEscalated(String caseId, String bureau) {
        return send(TopicCatalogue.CASE_ESCALATED_V1, UUID.randomUUID().toString(), caseId,
                new CaseEscalatedV1(caseId, bureau, EscalationReason.NO_FIRST_CONTACT_IN_TIME, Instant.now()), bureau);
    }

    /** The same event sent again, as an outbox relay does after a crash. */
    public void resend(String eventId, String caseId, String bureau) {
        send(TopicCatalogue.CASE_QUEUED_V1, eventId, caseId, new CaseQueuedV1(caseId, java.util.List.of(bureau),
                QueueReason.NO_ELIGIBLE_COORDINATOR, Instant.now()), bureau);
    }

    /** An internal event (a notification request, which names its recipient): never for feeds. */
    public String internalNotification(String bureau) {
        String id = UUID.randomUUID().toString();
        return send(TopicCatalogue.COORDINATION_NOTIFICATION_REQUESTED_V1, id, id,
                new NotificationRequestedV1(id, null, bureau, null, "case-escalated", "/coordination/cases/c", Instant.now()),
                bureau);
    }

    /**
     * An event of a type the catalogue does not know yet (as a newer coordination would publish it), with these
     * data bytes, on the case events topic; returns its id.
     */
    public String newTypeOfCaseEvent(String caseId, String bureau, byte[] data) {
        String id = UUID.randomUUID().toString();
        Map<String, String> headers = new HashMap<>(TestEvents.headers(TopicCatalogue.CASE_OPENED_V1, id, caseId));
        headers.put("ce_type", "jp.iinj.coordination.case-something-new.v1");
        headers.put("ce_bureau", bureau);
        producer.send(TopicCatalogue.CASE_EVENTS_V1.name(), caseId, data, headers);
        return id;
    }

    private String send(EventType<?> type, String eventId, String subject, Object payload, String bureau) {
        Map<String, String> headers = new HashMap<>(TestEvents.headers(type, eventId, subject));
        headers.put("ce_bureau", bureau);
        producer.send(TopicCatalogue.topicCarrying(type).name(), subject,
                json.writeValueAsString(payload).getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
        return eventId;
    }
}
