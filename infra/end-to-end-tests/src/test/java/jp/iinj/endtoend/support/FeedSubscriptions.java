package jp.iinj.endtoend.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import jp.iinj.testing.webhooks.WebhookReceiver;

/**
 * Webhook subscriptions of event feeds, made through the front door, and the one subscriber on loopback they all
 * deliver to (the local platform allows http sinks on loopback). The receiver lives as long as the test JVM, like the
 * platform, so that subscriptions made by one test class are not failing deliveries for the next.
 */
public final class FeedSubscriptions {

    public static final String SUBSCRIPTIONS = "/api/feeds/subscriptions";
    public static final String MEMBER_REGISTERED = "jp.iinj.membership.member-registered.v1";
    /** A filter no event matches: a subscription that exists only to be read, changed or refused on. */
    public static final List<Map<String, Object>> MATCHES_NOTHING = List.of(
            Map.of("exact", Map.of("subject", "e2e-no-such-aggregate")));

    private static WebhookReceiver receiver;

    private final FrontDoor frontDoor;

    FeedSubscriptions(FrontDoor frontDoor) {
        this.frontDoor = frontDoor;
    }

    /** The subscriber every test subscription delivers to, started at its first use. */
    public static synchronized WebhookReceiver receiver() {
        if (receiver == null) {
            receiver = WebhookReceiver.start();
            Runtime.getRuntime().addShutdownHook(new Thread(receiver::close, "e2e-webhook-receiver"));
        }
        return receiver;
    }

    /** A subscription body to {@link #receiver()}: these types (none: all), these filters, these bureaus (none: all the caller's). */
    public static String body(List<String> types, List<Map<String, Object>> filters, List<String> bureaus) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sink", receiver().url().toString());
        body.put("protocol", "HTTP");
        if (!types.isEmpty()) {
            body.put("types", types);
        }
        if (!filters.isEmpty()) {
            body.put("filters", filters);
        }
        if (!bureaus.isEmpty()) {
            body.put("bureaus", bureaus);
        }
        return Json.write(body);
    }

    /** Subscribes as {@code token}'s caller; the creation's answer (with the secret, shown this once). */
    public JsonNode create(String token, List<String> types, List<Map<String, Object>> filters) {
        Answer created = frontDoor.post(SUBSCRIPTIONS, token, body(types, filters, List.of()));
        if (created.status() != 201) {
            throw new AssertionError("creating a subscription: " + created.describe());
        }
        return created.json();
    }

    /** A subscription of {@code token}'s caller that never delivers anything. */
    public String inert(String token) {
        return create(token, List.of(MEMBER_REGISTERED), MATCHES_NOTHING).path("id").asString();
    }

    /** The subscription as its owner reads it. */
    public JsonNode read(String id, String token) {
        Answer read = frontDoor.get(SUBSCRIPTIONS + "/" + id, token);
        if (read.status() != 200) {
            throw new AssertionError("reading subscription " + id + ": " + read.describe());
        }
        return read.json();
    }

    /** The ids in a caller's list of subscriptions. */
    public List<String> ids(String token) {
        Answer list = frontDoor.get(SUBSCRIPTIONS, token);
        if (list.status() != 200) {
            throw new AssertionError("listing subscriptions: " + list.describe());
        }
        return list.json().path("subscriptions").findValuesAsString("id");
    }

    /** The subscription's delivery log, newest first. */
    public JsonNode deliveries(String id, String token) {
        Answer log = frontDoor.get(SUBSCRIPTIONS + "/" + id + "/deliveries", token);
        if (log.status() != 200) {
            throw new AssertionError("reading the delivery log of " + id + ": " + log.describe());
        }
        return log.json().path("deliveries");
    }

    /** Waits until the log holds a delivered delivery of this event subject; returns it. */
    public JsonNode awaitDelivered(String id, String token, String subject) {
        return await("the delivery of " + subject + " in the log of " + id).atMost(Duration.ofSeconds(60))
                .until(() -> {
                    for (JsonNode delivery : deliveries(id, token)) {
                        if (subject.equals(delivery.path("subject").asString())
                                && "DELIVERED".equals(delivery.path("status").asString())) {
                            return delivery;
                        }
                    }
                    return null;
                }, delivery -> delivery != null);
    }
}
