package jp.iinj.testing.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import jp.iinj.contracts.topics.EventType;
import jp.iinj.contracts.topics.TopicCatalogue;

/** Sends raw records, e.g. poison records a service must survive, and waits until the broker has them. */
public final class TestProducer implements AutoCloseable {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<String, byte[]> producer;

    private TestProducer(KafkaProducer<String, byte[]> producer) {
        this.producer = producer;
    }

    public static TestProducer connect(String bootstrapServers) {
        return connect(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** @param connection the broker's address and, for a broker that requires them, credentials ({@code SaslKafkaBroker.connection}) */
    public static TestProducer connect(Map<String, Object> connection) {
        Map<String, Object> properties = new HashMap<>(connection);
        properties.putAll(Map.<String, Object>of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) ACK_TIMEOUT.toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ACK_TIMEOUT.toMillis(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        return new TestProducer(new KafkaProducer<>(properties));
    }

    /** Sends and waits for the acknowledgement of all in-sync replicas. Header values are written as UTF-8. */
    public RecordMetadata send(String topic, String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, headerValue) -> record.headers().add(name,
                headerValue == null ? null : headerValue.getBytes(StandardCharsets.UTF_8)));
        try {
            return producer.send(record).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending to " + topic, e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not send a record to " + topic, e);
        }
    }

    /**
     * Sends an event as the owner of its type's topic would: on that topic, keyed by {@code subject}, with the headers
     * of {@link TestEvents#headers}.
     */
    public RecordMetadata sendEvent(EventType<?> type, String eventId, String subject, String json) {
        return send(TopicCatalogue.topicCarrying(type).name(), subject, json.getBytes(StandardCharsets.UTF_8),
                TestEvents.headers(type, eventId, subject));
    }

    public RecordMetadata send(String topic, String key, byte[] value) {
        return send(topic, key, value, Map.of());
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
