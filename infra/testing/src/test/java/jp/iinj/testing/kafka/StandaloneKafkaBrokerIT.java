package jp.iinj.testing.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class StandaloneKafkaBrokerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aRecordSentWhileTheBrokerIsDownIsDeliveredOnceItStartsOnTheAgreedPort() throws Exception {
        int port = StandaloneKafkaBroker.freePort();
        String topic = "testing.late-broker." + UUID.randomUUID();

        try (KafkaProducer<String, String> producer = patientProducer("127.0.0.1:" + port)) {
            // send() itself blocks until it has metadata, i.e. until the broker is there
            CompletableFuture<Future<RecordMetadata>> sending = CompletableFuture.supplyAsync(
                    () -> producer.send(new ProducerRecord<>(topic, "member-1", "registered")));
            assertThat(sending).isNotDone();

            try (StandaloneKafkaBroker broker = StandaloneKafkaBroker.startOnPort(port);
                    TopicProbe probe = TopicProbe.subscribe(broker.bootstrapServers(), topic)) {
                assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
                sending.get().get();

                assertThat(TopicProbe.valueAsString(probe.awaitRecord(r -> "member-1".equals(r.key()), TIMEOUT)))
                        .isEqualTo("registered");
            }
        }
    }

    @Test
    void aBrokerCanBeRestartedOnTheSamePort() {
        int port = StandaloneKafkaBroker.freePort();
        String topic = "testing.restart." + UUID.randomUUID();

        for (String attempt : new String[] {"first", "second"}) {
            try (StandaloneKafkaBroker broker = StandaloneKafkaBroker.startOnPort(port);
                    TestProducer producer = TestProducer.connect(broker.bootstrapServers());
                    TopicProbe probe = TopicProbe.subscribe(broker.bootstrapServers(), topic)) {
                producer.send(topic, attempt, attempt.getBytes(StandardCharsets.UTF_8));

                assertThat(probe.awaitRecord(r -> attempt.equals(r.key()), TIMEOUT).key()).isEqualTo(attempt);
            }
        }
    }

    @Test
    void doesNotPublishItsAddressAsSpringKafkaBootstrapServers() {
        String before = System.getProperty("spring.kafka.bootstrap-servers");

        try (StandaloneKafkaBroker broker = StandaloneKafkaBroker.start()) {
            assertThat(broker.bootstrapServers()).isNotBlank();
            assertThat(System.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(before);
        }
    }

    private static KafkaProducer<String, String> patientProducer(String bootstrapServers) {
        return new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }
}
