package jp.iinj.eventing.cloudevents;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class KafkaBinaryModeTest {

    private final EventMetadata event = new EventMetadata("e-1", "/iinj/member-registry",
            "jp.iinj.membership.member-registered.v1", "m-1", Instant.parse("2026-11-24T09:00:00.123Z"),
            "https://iinj.jp/contracts/events/membership/member-registered.v1.schema.json",
            Map.of("bureau", "kanto", "prefecture", "13", "correlationid", "c-1"));

    @Test
    void writesEveryAttributeAsACeHeaderAndKeysByAggregate() {
        ProducerRecord<String, byte[]> record = KafkaBinaryMode.toRecord("membership.member-events.v1", "m-1", event,
                "{}".getBytes(UTF_8));

        assertThat(record.key()).isEqualTo("m-1");
        assertThat(header(record.headers(), "ce_id")).isEqualTo("e-1");
        assertThat(header(record.headers(), "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record.headers(), "ce_source")).isEqualTo("/iinj/member-registry");
        assertThat(header(record.headers(), "ce_type")).isEqualTo("jp.iinj.membership.member-registered.v1");
        assertThat(header(record.headers(), "ce_time")).isEqualTo("2026-11-24T09:00:00.123Z");
        assertThat(header(record.headers(), "ce_subject")).isEqualTo("m-1");
        assertThat(header(record.headers(), "content-type")).isEqualTo("application/json");
        assertThat(header(record.headers(), "ce_bureau")).isEqualTo("kanto");
        assertThat(header(record.headers(), "ce_prefecture")).isEqualTo("13");
        assertThat(header(record.headers(), "ce_correlationid")).isEqualTo("c-1");
    }

    @Test
    void readsBackWhatItWrote() {
        ProducerRecord<String, byte[]> sent = KafkaBinaryMode.toRecord("t.x.v1", "m-1", event, new byte[0]);
        ConsumerRecord<String, byte[]> received = new ConsumerRecord<>("t.x.v1", 0, 0, 0L, TimestampType.CREATE_TIME,
                0, 0, "m-1", new byte[0], sent.headers(), java.util.Optional.empty());

        assertThat(KafkaBinaryMode.metadataOf(received)).isEqualTo(event);
    }

    @Test
    void refusesRecordsThatAreNotCloudEvents() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", "e-1".getBytes(UTF_8));
        ConsumerRecord<String, byte[]> received = new ConsumerRecord<>("t.x.v1", 0, 0, 0L, TimestampType.CREATE_TIME,
                0, 0, "k", new byte[0], headers, java.util.Optional.empty());

        assertThatThrownBy(() -> KafkaBinaryMode.metadataOf(received))
                .isInstanceOf(MalformedCloudEventException.class)
                .hasMessage("missing header ce_source");
    }

    private static String header(org.apache.kafka.common.header.Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), UTF_8);
    }
}
