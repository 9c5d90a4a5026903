package jp.iinj.eventing.cloudevents;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for event payloads, kept apart from the web layer's mapper: HTTP requests are strict (unknown fields
 * rejected), while event readers must tolerate the optional fields that newer producers add.
 */
public final class EventPayloadJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public String write(Object payload) {
        return mapper.writeValueAsString(payload);
    }

    /**
     * @throws MalformedCloudEventException when the data cannot be read as the payload type
     */
    public <P> P read(byte[] data, Class<P> payloadType) {
        if (data == null) {
            throw new MalformedCloudEventException("record has no data");
        }
        try {
            return mapper.readValue(data, payloadType);
        } catch (JacksonException e) {
            throw new MalformedCloudEventException("data is not a valid " + payloadType.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
