package jp.iinj.eventfeeds.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.iinj.eventfeeds.support.EventFeedsIntegrationTest;
import jp.iinj.eventfeeds.support.Subscriber;
import jp.iinj.eventfeeds.support.TestPublicEvents;
import jp.iinj.testing.tokens.TestTokens;
import jp.iinj.testing.webhooks.StandardWebhooksSignature;
import jp.iinj.testing.webhooks.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The subscriptions API: who manages which subscription, what a subscription may say (refused with 400 problems
 * naming each field), the secret shown once, and a rotation during which both secrets sign.
 */
@EventFeedsIntegrationTest
class SubscriptionIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SUBSCRIPTIONS = "/api/feeds/subscriptions";
    private static final String SINK = "http://127.0.0.1:9/hooks";

    @Autowired
    WebTestClient client;
    @Autowired
    TestPublicEvents publish;

    private WebTestClient.ResponseSpec create(String token, String json) {
        return client.post().uri(SUBSCRIPTIONS).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    @Test
    void aBodyManagesItsOwnSubscriptionsAndNoOneElseSeesThem() {
        String kyushuToken = TestTokens.regionalBody("kyushu");
        Subscriber kyushu = new Subscriber(client, kyushuToken);
        JsonNode created = kyushu.subscribe(Map.of("sink", SINK, "protocol", "HTTP",
                "filters", List.of(Map.of("exact", Map.of("prefecture", "40")))));
        String id = created.path("id").asString();
        assertThat(created.path("secret").asString()).startsWith("whsec_");
        assertThat(created.path("bureaus").toString()).isEqualTo("[\"kyushu\"]");
        assertThat(created.path("status").asString()).isEqualTo("ACTIVE");

        // the secret is never shown again
        JsonNode read = kyushu.read(id);
        assertThat(read.has("secret")).isFalse();
        assertThat(read.toString()).doesNotContain("whsec_");
        assertThat(read.path("filters").get(0).path("exact").path("prefecture").asString()).isEqualTo("40");
        client.get().uri(SUBSCRIPTIONS).headers(h -> h.setBearerAuth(kyushuToken)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.subscriptions[?(@.id == '" + id + "')]").exists();

        // another bureau's body: not found, not listed; members and coordinators: forbidden; admins: all
        String chubu = TestTokens.regionalBody("chubu");
        client.get().uri(SUBSCRIPTIONS + "/" + id).headers(h -> h.setBearerAuth(chubu)).exchange()
                .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri(SUBSCRIPTIONS).headers(h -> h.setBearerAuth(chubu)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.subscriptions[?(@.id == '" + id + "')]")
                .doesNotExist();
        client.delete().uri(SUBSCRIPTIONS + "/" + id).headers(h -> h.setBearerAuth(chubu)).exchange()
                .expectStatus().isNotFound();
        client.post().uri(SUBSCRIPTIONS + "/" + id + "/secret").headers(h -> h.setBearerAuth(chubu)).exchange()
                .expectStatus().isNotFound();
        for (String outsider : List.of(TestTokens.memberOf("org-1"), TestTokens.coordinator("kyushu"))) {
            client.get().uri(SUBSCRIPTIONS).headers(h -> h.setBearerAuth(outsider)).exchange()
                    .expectStatus().isForbidden();
            create(outsider, "{\"sink\":\"" + SINK + "\",\"protocol\":\"HTTP\"}").expectStatus().isForbidden();
        }
        client.get().uri(SUBSCRIPTIONS + "/" + id).headers(h -> h.setBearerAuth(TestTokens.admin())).exchange()
                .expectStatus().isOk();

        // a filter never widens the scope: another bureau cannot be named
        create(kyushuToken, "{\"sink\":\"" + SINK + "\",\"protocol\":\"HTTP\",\"bureaus\":[\"chubu\"]}")
                .expectStatus().isForbidden();

        kyushu.unsubscribe(id);
        client.get().uri(SUBSCRIPTIONS + "/" + id).headers(h -> h.setBearerAuth(kyushuToken)).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void whatASubscriptionMaySayIsCheckedFieldByField() {
        String kyushu = TestTokens.regionalBody("kyushu");
        Map<String, String> refused = Map.ofEntries(
                Map.entry("{\"sink\":\"" + SINK + "\",\"protocol\":\"HTTP\",\"filters\":[{\"sql\":\"type = 'x'\"}]}",
                        "filters[0]"),
                Map.entry("{\"sink\":\"" + SINK + "\",\"protocol\":\"HTTP\",\"types\":[\"jp.iinj.nope.v1\"]}",
                        "types[0]"),
                Map.entry("{\"sink\":\"" + SINK + "\",\"protocol\":\"HTTP\",\"types\":"
                        + "[\"jp.iinj.coordination.notification-requested.v1\"]}", "types[0]"),
                Map.entry("{\"sink\":\"ftp://example.org/x\",\"protocol\":\"HTTP\"}", "sink"),
                Map.entry("{\"sink\":\"http://10.0.0.7/hooks\",\"protocol\":\"HTTP\"}", "sink"),
                Map.entry("{\"sink\":\"http://169.254.169.254/latest\",\"protocol\":\"HTTP\"}", "sink"),
                Map.entry("{\"sink\":\"http://[::1]:8080/\",\"protocol\":\"HTTP\"}", "sink"),
                Map.entry("{\"sink\":\"http://user:pw@127.0.0.1/\",\"protocol\":\"HTTP\"}", "sink"),
                Map.entry("{\"sink\":\"https://no-such-host.invalid/hooks\",\"protocol\":\"HTTP\"}", "sink"),
                Map.entry("{\"sink\":\"not a url\",\"protocol\":\"HTTP\"}", "sink"),
                Map.entry("{\"protocol\":\"HTTP\"}", "sink"),
                Map.entry("{\"sink\":\"" + SINK + "\",\"protocol\":\"MQTT\"}", "protocol"),
                Map.entry("{\"sink\":\"" + SINK + "\"}", "protocol"),
                Map.entry("{\"sink\":\"" + SINK + "\",\"protocol\":\"HTTP\",\"bureaus\":[\"Kyushu\"]}", "bureaus[0]"));
        refused.forEach((body, field) -> create(kyushu, body).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[?(@.field == '" + field + "')]").exists());
        for (String malformed : List.of("{\"sink\":", "[]", "{\"sink\":\"" + SINK + "\",\"protocol\":\"HTTP\","
                + "\"id\":\"mine\"}", "{\"sink\":\"" + SINK + "\",\"protocol\":\"HTTP\",\"filters\":{}}")) {
            create(kyushu, malformed).expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void afterARotationBothSecretsSignUntilTheOverlapEnds() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Subscriber kyushu = new Subscriber(client, TestTokens.regionalBody("kyushu"));
            JsonNode created = kyushu.subscribe(receiver.url(), List.of());
            String id = created.path("id").asString();
            String old = created.path("secret").asString();

            JsonNode rotated = Subscriber.json(kyushu.post(id + "/secret", null).expectStatus().isOk());
            String current = rotated.path("secret").asString();
            assertThat(current).startsWith("whsec_").isNotEqualTo(old);
            assertThat(Instant.parse(rotated.path("previousSecretValidUntil").asString()))
                    .isAfter(Instant.now().plus(Duration.ofHours(23)));
            assertThat(kyushu.read(id).path("rotation").path("previousSecretValidUntil").asString())
                    .isEqualTo(rotated.path("previousSecretValidUntil").asString());

            publish.caseQueued("case-" + UUID.randomUUID(), "kyushu");
            await().atMost(WAIT).until(() -> !receiver.received().isEmpty());
            WebhookReceiver.Received request = receiver.received().get(0);
            assertThat(request.signature().split(" ")).hasSize(2);
            assertThat(StandardWebhooksSignature.verifies(request, current)).isTrue();
            assertThat(StandardWebhooksSignature.verifies(request, old)).isTrue();
            kyushu.unsubscribe(id);
        }
    }
}
