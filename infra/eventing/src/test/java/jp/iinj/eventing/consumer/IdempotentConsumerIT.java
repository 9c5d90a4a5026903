package jp.iinj.eventing.consumer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventing.testapp.EventingTestApplication;
import jp.iinj.eventing.testapp.EventingTestApplication.AppliedEvents;
import jp.iinj.testing.infrastructure.TestInfrastructure;
import jp.iinj.testing.kafka.TestProducer;
import jp.iinj.testing.kafka.TopicProbe;
import jp.iinj.testing.spring.WithPlatformInfrastructure;

@SpringBootTest(classes = EventingTestApplication.class)
@WithPlatformInfrastructure
class IdempotentConsumerIT {

    private static final String TOPIC = TopicCatalogue.MEMBER_EVENTS_V1.name();
    private static TestProducer producer;
    private static TopicProbe deadLetters;

    @Autowired
    AppliedEvents applied;

    @BeforeAll
    static void connect() {
        String kafka = TestInfrastructure.shared().kafkaBootstrapServers();
        producer = TestProducer.connect(kafka);
        deadLetters = TopicProbe.subscribe(kafka, TopicCatalogue.MEMBER_EVENTS_V1.deadLetterTopic());
    }

    @AfterAll
    static void close() {
        producer.close();
        deadLetters.close();
    }

    @Test
    void appliesAnEventTheRelaySentTwiceOnlyOnce() {
        String memberId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();

        producer.send(TOPIC, memberId, registeredJson(memberId, "株式会社重複"), headers(eventId, memberId));
        producer.send(TOPIC, memberId, registeredJson(memberId, "株式会社重複"), headers(eventId, memberId));
        // a later event on the same partition proves both copies have been consumed
        producer.send(TOPIC, memberId, registeredJson(memberId, "later"), headers(marker, memberId));

        await().atMost(Duration.ofSeconds(60)).until(() -> applied.countWithId(marker) == 1);
        assertThat(applied.countWithId(eventId)).isEqualTo(1);
    }

    @Test
    void sendsAPoisonRecordToTheDeadLetterTopicAndGoesOnWithTheNext() {
        String memberId = UUID.randomUUID().toString();
        String notJson = UUID.randomUUID().toString();
        String noHeaders = UUID.randomUUID().toString();
        String refused = UUID.randomUUID().toString();
        String good = UUID.randomUUID().toString();

        producer.send(TOPIC, memberId, "{not json".getBytes(UTF_8), headers(notJson, memberId));
        producer.send(TOPIC, memberId, registeredJson(memberId, "no headers"), Map.of("ce_id", noHeaders));
        producer.send(TOPIC, memberId, registeredJson(memberId, EventingTestApplication.POISON_NAME), headers(refused, memberId));
        producer.send(TOPIC, memberId, registeredJson(memberId, "株式会社健全"), headers(good, memberId));

        await().atMost(Duration.ofSeconds(60)).until(() -> applied.countWithId(good) == 1);
        var dead = deadLetters.awaitRecords(r -> memberId.equals(r.key()), 3, Duration.ofSeconds(30));
        assertThat(dead).extracting(r -> TopicProbe.header(r, "ce_id")).containsExactly(notJson, noHeaders, refused);
        assertThat(dead).allSatisfy(r -> {
            assertThat(TopicProbe.header(r, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
            assertThat(TopicProbe.header(r, "kafka_dlt-exception-fqcn")).isNotBlank();
            assertThat(TopicProbe.header(r, "kafka_dlt-exception-message")).isNotBlank();
        });
        assertThat(TopicProbe.header(dead.get(0), "kafka_dlt-exception-message")).contains("not a valid MemberRegisteredV1");
        assertThat(TopicProbe.header(dead.get(1), "kafka_dlt-exception-message")).contains("missing header ce_source");
        assertThat(TopicProbe.header(dead.get(2), "kafka_dlt-exception-message")).contains("refused on purpose");
        assertThat(applied.countWithId(refused)).isZero();
    }

    private static byte[] registeredJson(String memberId, String name) {
        return ("{\"memberId\":\"" + memberId + "\",\"legalName\":\"" + name + "\",\"organisationType\":\"SME\","
                + "\"corporateNumber\":null,\"prefectureCode\":\"13\",\"bureau\":\"kanto\",\"registeredAt\":\""
                + Instant.now() + "\"}").getBytes(UTF_8);
    }

    private static Map<String, String> headers(String eventId, String subject) {
        Map<String, String> headers = new HashMap<>();
        headers.put("ce_id", eventId);
        headers.put("ce_specversion", "1.0");
        headers.put("ce_source", "/iinj/member-registry");
        headers.put("ce_type", TopicCatalogue.MEMBER_REGISTERED_V1.type());
        headers.put("ce_time", Instant.now().toString());
        headers.put("ce_subject", subject);
        headers.put("content-type", "application/json");
        return headers;
    }
}
