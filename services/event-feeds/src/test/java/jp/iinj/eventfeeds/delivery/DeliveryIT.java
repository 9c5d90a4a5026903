package jp.iinj.eventfeeds.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventfeeds.support.EventFeedsIntegrationTest;
import jp.iinj.eventfeeds.support.Subscriber;
import jp.iinj.eventfeeds.support.TestPublicEvents;
import jp.iinj.testing.infrastructure.TestInfrastructure;
import jp.iinj.testing.kafka.TopicProbe;
import jp.iinj.testing.tokens.TestTokens;
import jp.iinj.testing.webhooks.StandardWebhooksSignature;
import jp.iinj.testing.webhooks.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook delivery end to end inside the service: events published on the real broker, logged, and delivered to
 * subscribers on loopback (allowed by the tests' allow-list), whose requests are checked with an implementation of
 * the signature written from the specification. Retries come within seconds here (the tests' schedule).
 */
@EventFeedsIntegrationTest
class DeliveryIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String QUEUED = TopicCatalogue.CASE_QUEUED_V1.type();
    private static final String ESCALATED = TopicCatalogue.CASE_ESCALATED_V1.type();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient client;
    @Autowired
    TestPublicEvents publish;

    private final List<WebhookReceiver> receivers = new ArrayList<>();
    private Subscriber kyushu;

    @BeforeEach
    void body() {
        kyushu = new Subscriber(client, TestTokens.regionalBody("kyushu"));
    }

    @AfterEach
    void stopReceivers() {
        receivers.forEach(WebhookReceiver::close);
    }

    private WebhookReceiver receiver() {
        WebhookReceiver receiver = WebhookReceiver.start();
        receivers.add(receiver);
        return receiver;
    }

    private static JsonNode body(WebhookReceiver.Received request) {
        return JSON.readTree(request.body());
    }

    /** What a receiver that dedupes by webhook-id processes: each id once, in the order first received. */
    private static List<JsonNode> deduped(WebhookReceiver receiver) {
        Map<String, JsonNode> first = new LinkedHashMap<>();
        receiver.received().forEach(request -> first.putIfAbsent(request.webhookId(), body(request)));
        return List.copyOf(first.values());
    }

    @Test
    void aMatchingEventArrivesSignedAsAStructuredCloudEventAndNothingElseDoes() {
        WebhookReceiver receiver = receiver();
        JsonNode subscription = kyushu.subscribe(Map.of("sink", receiver.url().toString(), "protocol", "HTTP",
                "types", List.of(ESCALATED)));
        String secret = subscription.path("secret").asString();
        assertThat(secret).startsWith("whsec_");

        String caseId = "case-" + UUID.randomUUID();
        publish.caseQueued(caseId, "kyushu");                      // another type: not for it
        publish.caseEscalated("case-" + UUID.randomUUID(), "chubu"); // another bureau: never for it
        String escalated = publish.caseEscalated(caseId, "kyushu");

        await().atMost(WAIT).until(() -> !receiver.received().isEmpty());
        WebhookReceiver.Received request = receiver.received().get(0);
        assertThat(request.contentType()).startsWith("application/cloudevents+json");
        assertThat(StandardWebhooksSignature.verifies(request, secret)).isTrue();
        assertThat(StandardWebhooksSignature.verifies(request, "whsec_" + java.util.Base64.getEncoder()
                .encodeToString(new byte[32]))).isFalse();
        JsonNode event = body(request);
        assertThat(event.path("id").asString()).isEqualTo(escalated);
        assertThat(event.path("type").asString()).isEqualTo(ESCALATED);
        assertThat(event.path("bureau").asString()).isEqualTo("kyushu");
        assertThat(event.path("data").path("caseId").asString()).isEqualTo(caseId);
        assertThat(request.webhookId()).startsWith("msg_");

        // the log has it, delivered at the first attempt
        String id = subscription.path("id").asString();
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode deliveries = kyushu.deliveries(id);
            assertThat(deliveries).hasSize(1);
            assertThat(deliveries.get(0).path("id").asString()).isEqualTo(request.webhookId());
            assertThat(deliveries.get(0).path("status").asString()).isEqualTo("DELIVERED");
            assertThat(deliveries.get(0).path("attempts")).hasSize(1);
            assertThat(deliveries.get(0).path("attempts").get(0).path("status").asInt()).isEqualTo(204);
        });
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aSubscriberDownForAWhileGetsEveryEventOnceAfterDedupeEachCaseInOrder() {
        WebhookReceiver receiver = receiver();
        receiver.answerAlways(503);
        kyushu.subscribe(receiver.url(), List.of(QUEUED, ESCALATED));
        List<String> cases = List.of("case-" + UUID.randomUUID(), "case-" + UUID.randomUUID(),
                "case-" + UUID.randomUUID());
        Map<String, List<String>> sent = new LinkedHashMap<>();
        for (int round = 0; round < 4; round++) {
            for (String caseId : cases) {
                sent.computeIfAbsent(caseId, id -> new ArrayList<>()).add(round % 2 == 0
                        ? publish.caseQueued(caseId, "kyushu") : publish.caseEscalated(caseId, "kyushu"));
            }
        }
        // down: the first event is tried again and again, and nothing after it overtakes it
        await().atMost(WAIT).until(() -> receiver.received().size() >= 3);
        assertThat(receiver.byWebhookId()).hasSize(1);

        receiver.answerAlways(200);
        await().atMost(WAIT).until(() -> deduped(receiver).size() == 12);

        List<JsonNode> processed = deduped(receiver);
        for (String caseId : cases) {
            assertThat(processed.stream().filter(event -> caseId.equals(event.path("subject").asString()))
                    .map(event -> event.path("id").asString()).toList()).containsExactlyElementsOf(sent.get(caseId));
        }
        assertThat(processed.stream().map(event -> event.path("id").asString()).collect(Collectors.toSet()))
                .hasSize(12);
    }

    @Test
    void goneDisablesTheSubscriptionTellsKafkaAndEnablingResumesWithTheFailedDelivery() {
        WebhookReceiver receiver = receiver();
        receiver.answerAlways(410);
        JsonNode subscription = kyushu.subscribe(receiver.url(), List.of(QUEUED));
        String id = subscription.path("id").asString();
        try (TopicProbe disabled = TopicProbe.subscribe(TestInfrastructure.shared().kafkaBootstrapServers(),
                TopicCatalogue.SUBSCRIPTION_EVENTS_V1.name())) {
            String first = publish.caseQueued("case-" + UUID.randomUUID(), "kyushu");

            var record = disabled.awaitRecord(r -> id.equals(r.key()), WAIT);
            JsonNode data = JSON.readTree(record.value());
            assertThat(data.path("reason").asString()).isEqualTo("GONE");
            assertThat(data.path("lastStatus").asInt()).isEqualTo(410);
            assertThat(data.path("bureaus").toString()).isEqualTo("[\"kyushu\"]");
            assertThat(JSON.writeValueAsString(data)).doesNotContain("127.0.0.1");
            JsonNode read = kyushu.read(id);
            assertThat(read.path("status").asString()).isEqualTo("DISABLED");
            assertThat(read.path("disabled").path("reason").asString()).isEqualTo("GONE");
            assertThat(receiver.received()).hasSize(1);

            // nothing more goes out while disabled; enabled again, the failed one goes first
            String second = publish.caseQueued("case-" + UUID.randomUUID(), "kyushu");
            receiver.answerAlways(204);
            kyushu.post(id + "/enable", null).expectStatus().isOk();
            await().atMost(WAIT).until(() -> deduped(receiver).size() == 2);
            assertThat(deduped(receiver)).extracting(event -> event.path("id").asString())
                    .containsExactly(first, second);
        }
    }

    @Test
    void everyRetryFailingDisablesTheSubscriptionWithEachAttemptInTheLog() {
        WebhookReceiver receiver = receiver();
        receiver.answerAlways(500);
        String id = kyushu.subscribe(receiver.url(), List.of(ESCALATED)).path("id").asString();
        publish.caseEscalated("case-" + UUID.randomUUID(), "kyushu");

        await().atMost(WAIT).untilAsserted(() -> assertThat(kyushu.read(id).path("status").asString())
                .isEqualTo("DISABLED"));
        JsonNode read = kyushu.read(id);
        assertThat(read.path("disabled").path("reason").asString()).isEqualTo("FAILING");
        assertThat(read.path("disabled").path("lastStatus").asInt()).isEqualTo(500);
        JsonNode delivery = kyushu.deliveries(id).get(0);
        assertThat(delivery.path("status").asString()).isEqualTo("FAILED");
        assertThat(delivery.path("attempts")).hasSize(7);
        assertThat(receiver.received()).hasSize(7);
        assertThat(receiver.byWebhookId()).hasSize(1);
    }

    @Test
    void aSlowSubscriberHoldsUpNobodyElse() {
        WebhookReceiver slow = receiver();
        slow.answerAfter(3_000);
        WebhookReceiver fast = receiver();
        kyushu.subscribe(slow.url(), List.of(QUEUED));
        kyushu.subscribe(fast.url(), List.of(QUEUED));
        for (int i = 0; i < 5; i++) {
            publish.caseQueued("case-" + UUID.randomUUID(), "kyushu");
        }
        await().atMost(WAIT).until(() -> fast.received().size() == 5);
        // the slow one takes 3 s an event, one at a time: it is still at its first or second
        assertThat(slow.received().size()).isLessThan(3);
    }

    @Test
    void theOwnerReplaysOneDeliveryOrARangeWithTheSameWebhookIds() {
        WebhookReceiver receiver = receiver();
        String id = kyushu.subscribe(receiver.url(), List.of(QUEUED)).path("id").asString();
        publish.caseQueued("case-" + UUID.randomUUID(), "kyushu");
        publish.caseQueued("case-" + UUID.randomUUID(), "kyushu");
        await().atMost(WAIT).until(() -> receiver.received().size() == 2);
        String firstId = receiver.received().get(0).webhookId();
        // from the first event's time: the range holds the two (earlier tests' events in the bureau are older)
        Instant from = receiver.received().stream().map(request -> Instant.parse(body(request).path("time").asString()))
                .min(Instant::compareTo).orElseThrow();

        kyushu.post(id + "/deliveries/" + firstId + "/replay", null).expectStatus().isAccepted();
        await().atMost(WAIT).until(() -> receiver.received().size() == 3);
        assertThat(receiver.received().get(2).webhookId()).isEqualTo(firstId);
        await().atMost(WAIT).untilAsserted(() -> assertThat(kyushu.deliveries(id).findValues("replay").stream()
                .filter(JsonNode::asBoolean).count()).isEqualTo(1));

        kyushu.post(id + "/replays", Map.of("from", from.toString(), "to", Instant.now().plusSeconds(60)
                .toString())).expectStatus().isAccepted().expectBody().jsonPath("$.events").isEqualTo(2);
        await().atMost(WAIT).until(() -> receiver.received().size() == 5);
        assertThat(receiver.byWebhookId()).hasSize(2);

        kyushu.post(id + "/deliveries/msg_unknown/replay", null).expectStatus().isNotFound();
        kyushu.post(id + "/replays", Map.of("from", Instant.now().toString())).expectStatus().isBadRequest();
        kyushu.post(id + "/replays", Map.of("from", Instant.now().toString(), "to", from.toString()))
                .expectStatus().isBadRequest();
    }

    /**
     * Instants Java reads but a MongoDB date cannot hold (beyond about 292 million years either way) were a 500 when
     * they reached the log's queries: a replay range or a log page from the ends of time is a 400 naming the field.
     */
    @Test
    void rangesAndLogPagesBeyondWhatTheLogCanHoldAre400s() {
        String id = kyushu.subscribe(receiver().url(), List.of(QUEUED)).path("id").asString();

        kyushu.post(id + "/replays", Map.of("from", "-1000000000-01-01T00:00:00Z", "to",
                "+1000000000-12-31T23:59:59.999999999Z")).expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
        kyushu.post(id + "/replays", Map.of("from", "2026-01-01T00:00:00Z", "to", "+999999999-01-01T00:00:00Z"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
        for (String before : List.of("+1000000000-12-31T23:59:59.999999999Z", "-1000000000-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z")) {
            client.get().uri(uri -> uri.path("/api/feeds/subscriptions/" + id + "/deliveries")
                            .queryParam("before", "{before}").build(before))
                    .headers(h -> h.setBearerAuth(TestTokens.regionalBody("kyushu"))).exchange()
                    .expectStatus().isBadRequest().expectHeader().contentType("application/problem+json")
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("before");
        }
        // the first and last instants RFC 3339 writes are fine
        kyushu.post(id + "/replays", Map.of("from", "0000-01-01T00:00:00Z", "to", "9999-12-31T23:59:59.999999999Z"))
                .expectStatus().isAccepted();
    }
}
