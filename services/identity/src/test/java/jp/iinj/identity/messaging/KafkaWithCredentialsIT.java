package jp.iinj.identity.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import jp.iinj.contracts.topics.EventType;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.identity.accounts.Accounts;
import jp.iinj.identity.support.StandaloneIdentity;
import jp.iinj.identity.support.TestAccounts;
import jp.iinj.testing.kafka.SaslKafkaBroker;
import jp.iinj.testing.kafka.TestProducer;
import jp.iinj.testing.kafka.TestTopics;
import jp.iinj.testing.kafka.TopicProbe;
import tools.jackson.databind.json.JsonMapper;

/**
 * identity against a broker that requires SASL/SCRAM-SHA-512, given its own Kafka user the way a deployment gives it
 * (the environment variables of the root README, "Running with credentials"): it consumes the member registry's
 * events and publishes its own. A client without credentials, or with a wrong password, cannot even learn the
 * partitions of the topic that carries owners' names and e-mails.
 */
class KafkaWithCredentialsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String IDENTITY = "identity";
    private static final String MEMBER_REGISTRY = "member-registry";

    private static SaslKafkaBroker broker;

    @TempDir
    Path mail;

    @BeforeAll
    static void startBroker() {
        broker = SaslKafkaBroker.start(IDENTITY, MEMBER_REGISTRY);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void identityConsumesAndPublishesEventsAsItsOwnKafkaUser() {
        String memberId = UUID.randomUUID().toString();
        String email = TestAccounts.uniqueEmail("sasl-owner");
        Map<String, String> credentials = Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", SaslKafkaBroker.MECHANISM,
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", broker.jaasConfig(IDENTITY));

        try (ConfigurableApplicationContext identity = StandaloneIdentity.start(database(), mail, credentials);
             TestProducer registry = TestProducer.connect(broker.connection(MEMBER_REGISTRY));
             TopicProbe people = TopicProbe.subscribe(broker.connection(MEMBER_REGISTRY), TopicCatalogue.MEMBER_PEOPLE_V1.name())) {
            // the registry designates the owner (personal data, internal topic) and approves the organisation
            send(registry, TopicCatalogue.OWNER_DESIGNATED_V1, memberId, "{\"memberId\":\"" + memberId + "\",\"email\":\""
                    + email + "\",\"displayName\":\"山田 太郎\",\"designatedAt\":\"" + Instant.now() + "\"}");
            send(registry, TopicCatalogue.MEMBER_APPROVED_V1, memberId, "{\"memberId\":\"" + memberId
                    + "\",\"prefectureCode\":\"13\",\"bureau\":\"kanto\",\"approvedAt\":\"" + Instant.now() + "\"}");

            var joined = people.awaitRecord(record -> memberId.equals(record.key())
                    && TopicCatalogue.PERSON_JOINED_MEMBER_V1.type().equals(TopicProbe.header(record, "ce_type")), WAIT);

            String owner = identity.getBean(Accounts.class).findByEmail(email).orElseThrow().id();
            assertThat(JSON.readTree(joined.value()).path("subject").asString()).isEqualTo(owner);
        }
    }

    @Test
    void aClientWithoutCredentialsOrWithAWrongPasswordCannotReachTheContactsTopic() {
        String contacts = TopicCatalogue.MEMBER_CONTACTS_V1.name();
        TestTopics.create(broker.connection(MEMBER_REGISTRY), contacts);

        // the broker expects a SASL handshake and drops the connection: the client never learns the topic's partitions
        Throwable anonymous = partitionsOf(contacts, Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        assertThat(anonymous).as("a consumer without credentials").isInstanceOf(TimeoutException.class);

        Throwable wrongPassword = partitionsOf(contacts, broker.connection(IDENTITY, "not-the-password"));
        assertThat(wrongPassword).as("a consumer with a wrong password").isInstanceOf(SaslAuthenticationException.class);

        assertThat(partitionsOf(contacts, broker.connection(IDENTITY))).as("identity with its own credentials").isNull();
    }

    /** Why a consumer with these settings cannot list the topic's partitions; {@code null} if it can. */
    private static Throwable partitionsOf(String topic, Map<String, Object> connection) {
        Map<String, Object> properties = new HashMap<>(connection);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            return catchThrowable(() -> assertThat(consumer.partitionsFor(topic, Duration.ofSeconds(5))).isNotEmpty());
        }
    }

    private static void send(TestProducer producer, EventType<?> type, String memberId, String json) {
        producer.sendEvent(type, UUID.randomUUID().toString(), memberId, json);
    }

    private static String database() {
        return "identity-sasl-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
