package jp.iinj.eventfeeds.log;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feed events in the CloudEvents JSON format (structured mode): the attributes as members, the data's bytes as
 * received under {@code data} (platform data is always JSON). One event for a webhook's body, an array for
 * {@code application/cloudevents-batch+json}.
 */
public final class StructuredCloudEvents {

    public static final String BATCH_MEDIA_TYPE = "application/cloudevents-batch+json";
    public static final String MEDIA_TYPE = "application/cloudevents+json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StructuredCloudEvents() {
    }

    public static byte[] single(FeedEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            write(json, event);
        }
        return out.toByteArray();
    }

    public static byte[] batch(List<FeedEvent> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            for (FeedEvent event : events) {
                write(json, event);
            }
            json.writeEndArray();
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator json, FeedEvent event) {
        json.writeStartObject();
        json.writeStringProperty("specversion", "1.0");
        json.writeStringProperty("id", event.id());
        json.writeStringProperty("source", event.source());
        json.writeStringProperty("type", event.type());
        optional(json, "subject", event.subject());
        json.writeStringProperty("time", event.time().toString());
        json.writeStringProperty("datacontenttype", event.dataContentType());
        optional(json, "dataschema", event.dataSchema());
        optional(json, "bureau", event.bureau());
        optional(json, "prefecture", event.prefecture());
        optional(json, "cluster", event.cluster());
        json.writeName("data");
        json.writeRawValue(new String(event.data(), StandardCharsets.UTF_8));
        json.writeEndObject();
    }

    private static void optional(JsonGenerator json, String name, String value) {
        if (value != null) {
            json.writeStringProperty(name, value);
        }
    }
}
