package jp.iinj.eventfeeds.log;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import jp.iinj.eventfeeds.filters.EventAttributes;

/**
 * One public event in the feed log, as received: its CloudEvents attributes, its data's bytes untouched, and where it
 * was read (topic, partition, offset), which orders the log for readers.
 *
 * @param id  the event's CloudEvents id: an event republished after a crash is logged once
 * @param key the event's subject, the aggregate's id (its record key too): one aggregate's events share a
 *            partition, hence an order
 */
@Document(FeedEvent.COLLECTION)
@CompoundIndex(name = "position", def = "{'topic': 1, 'partition': 1, 'offset': 1}", unique = true)
@CompoundIndex(name = "bureau_position", def = "{'bureau': 1, 'topic': 1, 'partition': 1, 'offset': 1}")
public record FeedEvent(
        @Id String id,
        String topic,
        int partition,
        long offset,
        String key,
        String type,
        String source,
        String subject,
        Instant time,
        String dataSchema,
        String dataContentType,
        String bureau,
        String prefecture,
        String cluster,
        byte[] data,
        Instant receivedAt) {

    public static final String COLLECTION = "feed_events";

    /** The attributes filters are evaluated on, by their CloudEvents names. */
    public EventAttributes attributes() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", id);
        values.put("specversion", "1.0");
        values.put("source", source);
        values.put("type", type);
        values.put("time", time.toString());
        putIfPresent(values, "subject", subject);
        putIfPresent(values, "dataschema", dataSchema);
        putIfPresent(values, "datacontenttype", dataContentType);
        putIfPresent(values, "bureau", bureau);
        putIfPresent(values, "prefecture", prefecture);
        putIfPresent(values, "cluster", cluster);
        return EventAttributes.of(values);
    }

    private static void putIfPresent(Map<String, String> values, String name, String value) {
        if (value != null) {
            values.put(name, value);
        }
    }
}
