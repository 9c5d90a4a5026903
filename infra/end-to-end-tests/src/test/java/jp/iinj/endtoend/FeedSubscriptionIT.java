package jp.iinj.endtoend;

import static jp.iinj.endtoend.support.Actor.REGIONAL_BODY_KANTO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import jp.iinj.endtoend.support.Actors;
import jp.iinj.endtoend.support.Answer;
import jp.iinj.endtoend.support.EndToEndTest;
import jp.iinj.endtoend.support.FeedSubscriptions;
import jp.iinj.endtoend.support.FrontDoor;
import jp.iinj.endtoend.support.Json;
import jp.iinj.testing.webhooks.StandardWebhooksSignature;
import jp.iinj.testing.webhooks.WebhookReceiver;

/**
 * A regional body's own system, as issue 16 tells it: a machine client of the Kyushu bureau (client credentials,
 * through the gateway, in a bureau no other test works in) subscribes to registrations; an organisation registers in
 * Fukuoka; the signed webhook arrives at the body's receiver on loopback, its signature verified by the tests' own
 * implementation of Standard Webhooks, and the body's delivery log through the gateway shows the delivery with the
 * same {@code webhook-id}. Another bureau's registration is neither sent nor logged.
 */
@EndToEndTest
class FeedSubscriptionIT {

    /** JIS X 0401: Fukuoka, in the Kyushu bureau. */
    private static final String FUKUOKA = "40";
    /** JIS X 0401: Osaka, in the Kinki bureau. */
    private static final String OSAKA = "27";

    @Test
    void a_machine_clients_subscription_gets_its_bureaus_registration_signed_and_sees_it_in_its_delivery_log(
            Actors actors, FrontDoor frontDoor) {
        String machine = actors.newMachineClient("E2E Kyushu bureau systems", "kyushu");
        WebhookReceiver receiver = FeedSubscriptions.receiver();

        Answer created = frontDoor.post(FeedSubscriptions.SUBSCRIPTIONS, machine,
                FeedSubscriptions.body(List.of(FeedSubscriptions.MEMBER_REGISTERED), List.of(), List.of()));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location)
                .endsWith(FeedSubscriptions.SUBSCRIPTIONS + "/" + created.json().path("id").asString()));
        String id = created.json().path("id").asString();
        String secret = created.json().path("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(Json.write(created.json().path("bureaus"))).isEqualTo("[\"kyushu\"]");
        // the Kanto regional body does not see it; the body's machine reads it back without its secret
        assertThat(frontDoor.get(FeedSubscriptions.SUBSCRIPTIONS + "/" + id, actors.token(REGIONAL_BODY_KANTO)).status())
                .isEqualTo(404);
        assertThat(actors.feedSubscriptions().read(id, machine).has("secret")).isFalse();

        String inOsaka = actors.registrations().applied(OSAKA);
        String inFukuoka = actors.registrations().applied(FUKUOKA);

        WebhookReceiver.Received webhook = await("the webhook of the registration in Fukuoka")
                .atMost(Duration.ofSeconds(60))
                .until(() -> receiver.received().stream()
                        .filter(request -> inFukuoka.equals(Json.parse(request.bodyText()).path("subject").asString()))
                        .findFirst().orElse(null), request -> request != null);
        assertThat(StandardWebhooksSignature.verifies(webhook, secret)).as("signed with the subscription's secret")
                .isTrue();
        assertThat(webhook.contentType()).startsWith("application/cloudevents+json");
        JsonNode event = Json.parse(webhook.bodyText());
        assertThat(event.path("type").asString()).isEqualTo(FeedSubscriptions.MEMBER_REGISTERED);
        assertThat(event.path("bureau").asString()).isEqualTo("kyushu");
        assertThat(event.path("specversion").asString()).isEqualTo("1.0");
        assertThat(event.path("data").isObject()).as("the data as structured JSON: %s", event).isTrue();

        JsonNode delivery = actors.feedSubscriptions().awaitDelivered(id, machine, inFukuoka);
        assertThat(delivery.path("id").asString()).as("the log's webhook-id").isEqualTo(webhook.webhookId());
        assertThat(delivery.path("eventType").asString()).isEqualTo(FeedSubscriptions.MEMBER_REGISTERED);
        assertThat(delivery.path("attempts")).hasSize(1);
        assertThat(delivery.path("attempts").path(0).path("status").asInt()).isEqualTo(204);
        assertThat(delivery.path("attempts").path(0).path("replay").asBoolean()).isFalse();
        assertThat(actors.feedSubscriptions().deliveries(id, machine).findValuesAsString("subject"))
                .as("only the Kyushu bureau's registrations").contains(inFukuoka).doesNotContain(inOsaka);
        assertThat(receiver.byWebhookId().get(webhook.webhookId())).as("sent once").hasSize(1);
    }
}
