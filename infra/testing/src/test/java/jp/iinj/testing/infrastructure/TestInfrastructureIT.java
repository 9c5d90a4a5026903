package jp.iinj.testing.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import jp.iinj.testing.kafka.TestProducer;
import jp.iinj.testing.kafka.TestTopics;
import jp.iinj.testing.kafka.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class TestInfrastructureIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final TestInfrastructure infrastructure = TestInfrastructure.shared();

    @Test
    void isSharedAndSaysWhetherMongoDbIsReal() {
        assertThat(TestInfrastructure.shared()).isSameAs(infrastructure);
        assertThat(infrastructure.realMongoDb()).isEqualTo(infrastructure.mode() != Mode.EMBEDDED);
        assertThat(infrastructure.modeReason()).isNotBlank();
    }

    @Test
    void carriesRecordsWithHeadersFromProducerToProbe() {
        String topic = "testing.round-trip." + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String bootstrapServers = infrastructure.kafkaBootstrapServers();
        TestTopics.create(bootstrapServers, topic);
        TestTopics.create(bootstrapServers, topic);

        try (TopicProbe probe = TopicProbe.subscribe(bootstrapServers, topic);
                TestProducer producer = TestProducer.connect(bootstrapServers)) {
            producer.send(topic, "someone-else", bytes("{}"));
            producer.send(topic, key, bytes("{\"hello\":\"world\"}"), Map.of("ce_type", "jp.iinj.test.hello.v1"));

            ConsumerRecord<String, byte[]> record = probe.awaitRecord(r -> key.equals(r.key()), TIMEOUT);

            assertThat(TopicProbe.valueAsString(record)).isEqualTo("{\"hello\":\"world\"}");
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("jp.iinj.test.hello.v1");
            assertThat(TopicProbe.header(record, "ce_missing")).isNull();
            assertThat(probe.awaitRecords(r -> true, 2, TIMEOUT)).hasSize(2);
            probe.assertNoMoreRecords(r -> key.equals(r.key()), Duration.ofMillis(500));
            assertThat(probe.received()).hasSize(2);
        }
    }

    @Test
    void failsListingWhatArrivedWhenNothingMatches() {
        String topic = "testing.no-match." + UUID.randomUUID();
        String bootstrapServers = infrastructure.kafkaBootstrapServers();
        TestTopics.create(bootstrapServers, topic);

        try (TopicProbe probe = TopicProbe.subscribe(bootstrapServers, topic);
                TestProducer producer = TestProducer.connect(bootstrapServers)) {
            producer.send(topic, "the-only-key", bytes("the only value"));
            probe.awaitRecord(r -> true, TIMEOUT);

            assertThatThrownBy(() -> probe.awaitRecord(r -> "another-key".equals(r.key()), Duration.ofMillis(300)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("1 record(s) arrived")
                    .hasMessageContaining("key=the-only-key")
                    .hasMessageContaining("value=the only value");
        }
    }

    @Test
    void detectsARecordThatShouldNeverHaveBeenWritten() {
        String topic = "testing.unexpected." + UUID.randomUUID();
        String bootstrapServers = infrastructure.kafkaBootstrapServers();
        TestTopics.create(bootstrapServers, topic);

        try (TopicProbe probe = TopicProbe.subscribe(bootstrapServers, topic);
                TestProducer producer = TestProducer.connect(bootstrapServers)) {
            producer.send(topic, "expected", bytes("1"));
            producer.send(topic, "poison", bytes("2"));

            assertThatThrownBy(() -> probe.assertNoMoreRecords(r -> "poison".equals(r.key()), Duration.ofSeconds(2)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("key=poison");
        }
    }

    @Test
    void detectsADuplicateOfAnAwaitedRecord() {
        String topic = "testing.duplicate." + UUID.randomUUID();
        String bootstrapServers = infrastructure.kafkaBootstrapServers();
        TestTopics.create(bootstrapServers, topic);

        try (TopicProbe probe = TopicProbe.subscribe(bootstrapServers, topic);
                TestProducer producer = TestProducer.connect(bootstrapServers)) {
            producer.send(topic, "member-1", bytes("registered"));
            probe.awaitRecord(r -> "member-1".equals(r.key()), TIMEOUT);
            probe.assertNoMoreRecords(r -> "member-1".equals(r.key()), Duration.ofMillis(300));

            producer.send(topic, "member-1", bytes("registered"));

            assertThatThrownBy(() -> probe.assertNoMoreRecords(r -> "member-1".equals(r.key()), Duration.ofSeconds(2)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("key=member-1");
        }
    }

    @Test
    void storesAndReadsADocumentInTheGivenDatabase() {
        String database = "it-" + UUID.randomUUID().toString().substring(0, 8);
        String uri = infrastructure.mongoUri(database);
        assertThat(new ConnectionString(uri).getDatabase()).isEqualTo(database);

        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> members = client.getDatabase(database).getCollection("members");
            members.insertOne(new Document("_id", "m-1").append("legalName", "株式会社サンプル"));

            Document found = members.find(Filters.eq("_id", "m-1")).first();

            assertThat(found).isNotNull();
            assertThat(found.getString("legalName")).isEqualTo("株式会社サンプル");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
