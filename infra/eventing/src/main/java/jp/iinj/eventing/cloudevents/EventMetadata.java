package jp.iinj.eventing.cloudevents;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import jp.iinj.contracts.topics.CloudEventAttributes;

/**
 * The CloudEvents context attributes of one platform event: the one envelope every integration event shares,
 * whatever its payload. Extensions hold the platform's own attributes ({@code bureau}, {@code prefecture},
 * {@code cluster}, {@code correlationid}).
 */
public record EventMetadata(
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String dataSchema,
        Map<String, String> extensions) {

    public EventMetadata {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public String bureau() {
        return extensions.get(CloudEventAttributes.BUREAU);
    }

    public String prefecture() {
        return extensions.get(CloudEventAttributes.PREFECTURE);
    }

    public String cluster() {
        return extensions.get(CloudEventAttributes.CLUSTER);
    }

    public String correlationId() {
        return extensions.get(CloudEventAttributes.CORRELATION_ID);
    }
}
