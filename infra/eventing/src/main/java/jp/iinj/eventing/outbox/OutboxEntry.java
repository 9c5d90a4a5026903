package jp.iinj.eventing.outbox;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import jp.iinj.eventing.cloudevents.EventMetadata;

/**
 * One event waiting in (or already relayed from) an aggregate's outbox. It lives inside the aggregate's own
 * MongoDB document, so it is committed in the same single-document write as the state change that caused it.
 *
 * @param data the payload as JSON text, exactly the bytes that will be published
 */
public record OutboxEntry(
        String topic,
        String key,
        EventMetadata event,
        String data,
        Status status,
        int attempts,
        String lastError,
        Instant publishedAt) {

    public enum Status { PENDING, PUBLISHED }

    public static OutboxEntry pending(String topic, String key, EventMetadata event, String data) {
        return new OutboxEntry(topic, key, event, data, Status.PENDING, 0, null, null);
    }

    Document toDocument() {
        Document document = new Document()
                .append(OutboxFields.EVENT_ID, event.id())
                .append("topic", topic)
                .append("key", key)
                .append("source", event.source())
                .append("type", event.type())
                .append("subject", event.subject())
                .append("time", Date.from(event.time()))
                .append("dataSchema", event.dataSchema())
                .append("extensions", new Document(event.extensions()))
                .append("data", data)
                .append(OutboxFields.STATUS, status.name())
                .append(OutboxFields.ATTEMPTS, attempts);
        if (lastError != null) {
            document.append(OutboxFields.LAST_ERROR, lastError);
        }
        if (publishedAt != null) {
            document.append(OutboxFields.PUBLISHED_AT, Date.from(publishedAt));
        }
        return document;
    }

    static OutboxEntry fromDocument(Document document) {
        Map<String, String> extensions = new LinkedHashMap<>();
        Document stored = document.get("extensions", Document.class);
        if (stored != null) {
            stored.forEach((name, value) -> extensions.put(name, String.valueOf(value)));
        }
        EventMetadata event = new EventMetadata(
                document.getString(OutboxFields.EVENT_ID),
                document.getString("source"),
                document.getString("type"),
                document.getString("subject"),
                document.getDate("time").toInstant(),
                document.getString("dataSchema"),
                extensions);
        Date publishedAt = document.getDate(OutboxFields.PUBLISHED_AT);
        return new OutboxEntry(
                document.getString("topic"),
                document.getString("key"),
                event,
                document.getString("data"),
                Status.valueOf(document.getString(OutboxFields.STATUS)),
                document.getInteger(OutboxFields.ATTEMPTS, 0),
                document.getString(OutboxFields.LAST_ERROR),
                publishedAt == null ? null : publishedAt.toInstant());
    }

    static List<OutboxEntry> listFrom(Document aggregate) {
        List<Document> entries = aggregate.getList(OutboxFields.OUTBOX, Document.class, List.of());
        return entries.stream().map(OutboxEntry::fromDocument).toList();
    }
}
