package jp.iinj.testing.kafka;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jp.iinj.contracts.topics.EventType;
import jp.iinj.contracts.topics.TopicCatalogue;

/**
 * CloudEvents binary-mode headers for an event a test sends by hand, as the service that owns its topic would write
 * them ({@code ce_source} of that service, {@code ce_time} now). The map is mutable: a test that needs an odd event
 * (another type, an extension attribute, a missing attribute) changes it before sending.
 */
public final class TestEvents {

    private TestEvents() {
    }

    /** @param subject the aggregate id: {@code ce_subject}, and the record key the test should use */
    public static Map<String, String> headers(EventType<?> type, String eventId, String subject) {
        Map<String, String> headers = new HashMap<>();
        headers.put("ce_id", eventId);
        headers.put("ce_specversion", "1.0");
        headers.put("ce_source", TopicCatalogue.topicCarrying(type).owner().eventSource());
        headers.put("ce_type", type.type());
        headers.put("ce_time", Instant.now().toString());
        headers.put("ce_subject", subject);
        headers.put("content-type", "application/json");
        return headers;
    }
}
