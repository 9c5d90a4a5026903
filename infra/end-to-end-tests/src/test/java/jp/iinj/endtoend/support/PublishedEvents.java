package jp.iinj.endtoend.support;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.databind.JsonNode;

/**
 * What the platform published on one topic, read from its broker from the beginning, as a consumer of the topic
 * would see it (CloudEvents in Kafka binary mode: {@code ce_*} headers, the payload as the JSON value). No consumer
 * group and no commits: it reads every partition itself and leaves nothing behind on the broker.
 */
public final class PublishedEvents implements AutoCloseable {

    /** The outbox relay publishes within a second or two; generous for 2 shared cores. */
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(60);

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<PublishedEvent> received = new ArrayList<>();
    private final Set<String> eventIds = new LinkedHashSet<>();

    private PublishedEvents(String topic, KafkaConsumer<String, String> consumer) {
        this.topic = topic;
        this.consumer = consumer;
    }

    /** One event as it arrived: key, CloudEvents headers ({@code ce_type}, {@code ce_subject}, ...) and payload. */
    public record PublishedEvent(String key, Map<String, String> headers, String value) {

        public String id() {
            return headers.getOrDefault("ce_id", "");
        }

        public String type() {
            return headers.getOrDefault("ce_type", "");
        }

        public String subject() {
            return headers.getOrDefault("ce_subject", "");
        }

        public JsonNode payload() {
            return Json.parse(value);
        }

        /** Everything a consumer gets: headers and payload, for "contains no personal data" checks. */
        public String everything() {
            return headers + " " + key + " " + value;
        }

        @Override
        public String toString() {
            return type() + " " + subject() + " " + value;
        }
    }

    /** Reads {@code topic} of the platform's broker from its beginning; the topic must exist (its owner created it). */
    public static PublishedEvents on(RunningPlatform platform, String topic) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "end-to-end-tests");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("No topic " + topic + " on " + platform.kafkaBootstrapServers());
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        return new PublishedEvents(topic, consumer);
    }

    /** Every event about {@code subject} (the aggregate id) published so far, in order, each event id once. */
    public synchronized List<PublishedEvent> about(String subject) {
        poll();
        return received.stream().filter(event -> event.subject().equals(subject)).toList();
    }

    /**
     * Waits until the events about {@code subject} are exactly these types, in this order (at-least-once delivery:
     * a redelivered event id counts once), and returns them.
     */
    public List<PublishedEvent> awaitTypes(String subject, List<String> types) {
        return await("events " + types + " about " + subject + " on " + topic)
                .atMost(EVENT_TIMEOUT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> about(subject), events -> events.stream().map(PublishedEvent::type).toList().equals(types));
    }

    private void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            PublishedEvent event = new PublishedEvent(record.key(), headers, record.value());
            if (event.id().isEmpty() || eventIds.add(event.id())) {
                received.add(event);
            }
        }
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
