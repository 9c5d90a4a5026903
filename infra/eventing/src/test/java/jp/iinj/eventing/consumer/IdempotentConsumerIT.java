package jp.iinj.eventing.consumer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventing.testapp.EventingTestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import jp.iinj.eventing.testapp.EventingTestApplication.AppliedEvents;
import jp.iinj.eventing.testapp.EventingTestApplication.ForwardedEvents;
import jp.iinj.testing.infrastructure.TestInfrastructure;
import jp.iinj.testing.kafka.TestEvents;
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

    @Test
    void retriesAnIllegalArgumentExceptionBeforeDeadLetteringItButSendsPoisonAtOnce() {
        String memberId = UUID.randomUUID().toString();
        String implausible = UUID.randomUUID().toString();
        String poison = UUID.randomUUID().toString();

        producer.send(TOPIC, memberId, registeredJson(memberId, EventingTestApplication.IMPLAUSIBLE_NAME), headers(implausible, memberId));
        producer.send(TOPIC, memberId, registeredJson(memberId, EventingTestApplication.POISON_NAME), headers(poison, memberId));

        var dead = deadLetters.awaitRecords(r -> memberId.equals(r.key()), 2, Duration.ofSeconds(60));
        assertThat(dead).extracting(r -> TopicProbe.header(r, "ce_id")).containsExactly(implausible, poison);
        assertThat(TopicProbe.header(dead.get(0), "kafka_dlt-exception-message")).contains("implausible on purpose");
        // retries: 2 in the test application, so three calls in all; poison is not retried
        assertThat(applied.attemptsOf(implausible)).isEqualTo(3);
        assertThat(applied.attemptsOf(poison)).isEqualTo(1);
    }

    @Test
    void deadLettersDataThatDoesNotMatchTheSchemaOfItsTypeAtOnce() {
        String memberId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        byte[] wrongPrefecture = new String(registeredJson(memberId, "株式会社不正"), UTF_8)
                .replace("\"prefectureCode\":\"13\"", "\"prefectureCode\":\"99x\"").getBytes(UTF_8);

        producer.send(TOPIC, memberId, wrongPrefecture, headers(eventId, memberId));

        var dead = deadLetters.awaitRecord(r -> memberId.equals(r.key()), Duration.ofSeconds(30));
        assertThat(TopicProbe.header(dead, "kafka_dlt-exception-message")).contains("does not match its schema").contains("prefectureCode");
        assertThat(applied.attemptsOf(eventId)).isZero();
    }

    @Test
    void anEveryTypeSubscriptionGetsATypeAddedAfterItWasWrittenWithItsDataUnchanged(@Autowired ForwardedEvents forwarded) {
        String memberId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        byte[] data = "{ \"memberId\" : \"x\",\n  \"novelty\": 1.50, \"名前\": \"テスト\" }".getBytes(UTF_8);
        Map<String, String> headers = headers(eventId, memberId);
        headers.put("ce_source", "/iinj/identity");
        headers.put("ce_type", "jp.iinj.identity.person-invented-later.v1");
        headers.put("ce_bureau", "kinki");
        headers.put("ce_cluster", "kansai-bio");

        producer.send(TopicCatalogue.MEMBER_PEOPLE_V1.name(), memberId, data, headers);

        await().atMost(Duration.ofSeconds(60)).until(() -> forwarded.withId(eventId).isPresent());
        var event = forwarded.withId(eventId).orElseThrow();
        assertThat(event.data()).isEqualTo(data);
        assertThat(event.payload()).isEqualTo(data);
        assertThat(event.metadata().type()).isEqualTo("jp.iinj.identity.person-invented-later.v1");
        assertThat(event.metadata().source()).isEqualTo("/iinj/identity");
        assertThat(event.metadata().subject()).isEqualTo(memberId);
        assertThat(event.metadata().time()).isEqualTo(Instant.parse(headers.get("ce_time")));
        assertThat(event.metadata().bureau()).isEqualTo("kinki");
        assertThat(event.metadata().cluster()).isEqualTo("kansai-bio");
    }

    @Test
    void countsATypeATypedSubscriptionHasNoHandlerFor(@Autowired MeterRegistry meters) {
        String memberId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String type = "jp.iinj.membership.member-renamed-" + memberId.substring(0, 8).replaceAll("[0-9]", "x") + ".v1";
        Map<String, String> headers = headers(eventId, memberId);
        headers.put("ce_type", type);

        producer.send(TOPIC, memberId, "{}".getBytes(UTF_8), headers);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(meters.find("iinj.events.unhandled")
                .tag("group", "member-registry.member-ledger").tag("type", type).counter())
                .isNotNull()
                .satisfies(counter -> assertThat(counter.count()).isEqualTo(1.0)));
        deadLetters.assertNoMoreRecords(r -> memberId.equals(r.key()), Duration.ofSeconds(1));
    }

    private static byte[] registeredJson(String memberId, String name) {
        return ("{\"memberId\":\"" + memberId + "\",\"legalName\":\"" + name + "\",\"organisationType\":\"SME\","
                + "\"corporateNumber\":null,\"prefectureCode\":\"13\",\"bureau\":\"kanto\",\"registeredAt\":\""
                + Instant.now() + "\"}").getBytes(UTF_8);
    }

    private static Map<String, String> headers(String eventId, String subject) {
        return TestEvents.headers(TopicCatalogue.MEMBER_REGISTERED_V1, eventId, subject);
    }
}
