package jp.iinj.eventing.cloudevents;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import jp.iinj.contracts.topics.CloudEventAttributes;

/**
 * CloudEvents Kafka protocol binding, binary content mode: attributes as {@code ce_*} headers, data as the record
 * value, the aggregate id as the record key. Written by hand because the SDK's Spring and Jackson modules do not
 * run on Spring Framework 7 / Jackson 3, and binary mode needs neither.
 */
public final class KafkaBinaryMode {

    public static final String JSON = "application/json";

    private static final String[] REQUIRED = {CloudEventAttributes.ID, CloudEventAttributes.SOURCE,
            CloudEventAttributes.TYPE, CloudEventAttributes.SPECVERSION};

    private KafkaBinaryMode() {
    }

    public static ProducerRecord<String, byte[]> toRecord(String topic, String key, EventMetadata event, byte[] data) {
        Headers headers = new RecordHeaders();
        put(headers, CloudEventAttributes.SPECVERSION, CloudEventAttributes.SPEC_VERSION);
        put(headers, CloudEventAttributes.ID, event.id());
        put(headers, CloudEventAttributes.SOURCE, event.source());
        put(headers, CloudEventAttributes.TYPE, event.type());
        put(headers, CloudEventAttributes.TIME, event.time().toString());
        put(headers, CloudEventAttributes.SUBJECT, event.subject());
        put(headers, CloudEventAttributes.DATASCHEMA, event.dataSchema());
        put(headers, CloudEventAttributes.CONTENT_TYPE, JSON);
        event.extensions().forEach((name, value) -> put(headers, CloudEventAttributes.header(name), value));
        return new ProducerRecord<>(topic, null, key, data, headers);
    }

    /**
     * Reads the attributes of a received record.
     *
     * @throws MalformedCloudEventException when a required attribute is missing or unreadable; such a record can
     *                                      never be processed and belongs in the dead-letter topic
     */
    public static EventMetadata metadataOf(ConsumerRecord<?, ?> record) {
        Headers headers = record.headers();
        for (String required : REQUIRED) {
            if (value(headers, required) == null) {
                throw new MalformedCloudEventException("missing header " + required);
            }
        }
        if (!CloudEventAttributes.SPEC_VERSION.equals(value(headers, CloudEventAttributes.SPECVERSION))) {
            throw new MalformedCloudEventException("unsupported specversion " + value(headers, CloudEventAttributes.SPECVERSION));
        }
        Map<String, String> extensions = new LinkedHashMap<>();
        for (Header header : headers) {
            String name = header.key();
            if (name.startsWith(CloudEventAttributes.HEADER_PREFIX) && !isContextAttribute(name)) {
                extensions.put(name.substring(CloudEventAttributes.HEADER_PREFIX.length()), new String(header.value(), UTF_8));
            }
        }
        return new EventMetadata(
                value(headers, CloudEventAttributes.ID),
                value(headers, CloudEventAttributes.SOURCE),
                value(headers, CloudEventAttributes.TYPE),
                value(headers, CloudEventAttributes.SUBJECT),
                time(headers),
                value(headers, CloudEventAttributes.DATASCHEMA),
                extensions);
    }

    private static Instant time(Headers headers) {
        String time = value(headers, CloudEventAttributes.TIME);
        if (time == null) {
            throw new MalformedCloudEventException("missing header " + CloudEventAttributes.TIME);
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new MalformedCloudEventException("unreadable " + CloudEventAttributes.TIME + ": " + time);
        }
    }

    private static boolean isContextAttribute(String header) {
        return switch (header) {
            case CloudEventAttributes.ID, CloudEventAttributes.SOURCE, CloudEventAttributes.TYPE,
                 CloudEventAttributes.SPECVERSION, CloudEventAttributes.TIME, CloudEventAttributes.SUBJECT,
                 CloudEventAttributes.DATASCHEMA -> true;
            default -> false;
        };
    }

    private static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(UTF_8));
        }
    }

    private static String value(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }
}
