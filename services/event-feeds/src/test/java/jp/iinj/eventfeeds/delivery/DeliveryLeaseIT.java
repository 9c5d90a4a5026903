package jp.iinj.eventfeeds.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventfeeds.log.FeedLog;
import jp.iinj.eventfeeds.subscriptions.SubscriptionActions;
import jp.iinj.eventfeeds.support.EventFeedsIntegrationTest;
import jp.iinj.eventfeeds.support.Subscriber;
import jp.iinj.eventfeeds.support.TestPublicEvents;
import jp.iinj.eventfeeds.webhooks.WebhookSender;
import jp.iinj.testing.tokens.TestTokens;
import jp.iinj.testing.webhooks.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances on one database: only the one holding a subscription's lease delivers it; when that instance stops,
 * the other takes the subscription over from the saved cursor, and the subscriber, deduping by {@code webhook-id},
 * gets every event once, each case's in order.
 */
@EventFeedsIntegrationTest
class DeliveryLeaseIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DeliveryDispatcher first;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    FeedLog feed;
    @Autowired
    DeliveryLog deliveries;
    @Autowired
    WebhookSender sender;
    @Autowired
    SubscriptionActions subscriptions;
    @Autowired
    Clock clock;
    @Autowired
    DeliverySettings settings;
    @Autowired
    WebTestClient client;
    @Autowired
    TestPublicEvents publish;

    private static List<String> processedIds(WebhookReceiver receiver) {
        Map<String, String> first = new LinkedHashMap<>();
        receiver.received().forEach(request -> first.putIfAbsent(request.webhookId(),
                JSON.readTree(request.body()).path("id").asString()));
        return List.copyOf(first.values());
    }

    private static List<String> subjects(WebhookReceiver receiver) {
        Map<String, String> first = new LinkedHashMap<>();
        receiver.received().forEach(request -> {
            JsonNode event = JSON.readTree(request.body());
            first.putIfAbsent(request.webhookId(), event.path("subject").asString());
        });
        return List.copyOf(first.values());
    }

    @Test
    void oneInstanceDeliversASubscriptionAndAnotherTakesOverWhenItStops() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Subscriber kyushu = new Subscriber(client, TestTokens.regionalBody("kyushu"));
            String id = kyushu.subscribe(receiver.url(), List.of(TopicCatalogue.CASE_QUEUED_V1.type()))
                    .path("id").asString();
            await().atMost(WAIT).until(() -> first.delivering().contains(id));

            DeliveryDispatcher second = new DeliveryDispatcher(mongo, feed, deliveries, sender, subscriptions, clock,
                    settings);
            second.tick().block();
            assertThat(second.delivering()).doesNotContain(id);

            String caseId = "case-" + UUID.randomUUID();
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sent.add(publish.caseQueued(caseId, "kyushu"));
            }
            await().atMost(WAIT).until(() -> processedIds(receiver).size() == 3);
            assertThat(second.delivering()).doesNotContain(id);

            first.stop();
            try {
                for (int i = 0; i < 3; i++) {
                    sent.add(publish.caseQueued(caseId, "kyushu"));
                }
                // the second instance's periodic work, run here: it takes the released lease and reads the log
                await().atMost(WAIT).until(() -> {
                    second.tick().block();
                    return processedIds(receiver).size() >= 6;
                });
                assertThat(second.delivering()).contains(id);
                assertThat(processedIds(receiver)).containsExactlyElementsOf(sent);
                assertThat(subjects(receiver)).containsOnly(caseId);
            } finally {
                second.stop();
                first.start();
            }
        }
    }
}
