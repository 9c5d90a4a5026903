package jp.iinj.eventfeeds.subscriptions;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A subscription as its owner reads it. Never its secrets: a secret is shown once, when created or rotated
 * ({@link Created}, {@link RotatedSecret}).
 *
 * @param rotation while a rotated-out secret still signs, until when
 */
public record SubscriptionResponse(String id, List<String> types, JsonNode filters, String sink, String protocol,
                                   List<String> bureaus, Subscription.Status status, Disabled disabled,
                                   Rotation rotation, Instant createdAt, Instant changedAt) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Why and when deliveries stopped; enabling the subscription tries the failed delivery again first. */
    public record Disabled(Subscription.DisabledReason reason, Integer lastStatus, String detail, String deliveryId,
                           Instant at) {
    }

    public record Rotation(Instant previousSecretValidUntil) {
    }

    /** The answer to a creation: the subscription and its signing secret, shown this once. */
    public record Created(String id, List<String> types, JsonNode filters, String sink, String protocol,
                          List<String> bureaus, Subscription.Status status, Instant createdAt, String secret) {
    }

    /** A rotation's new secret, shown this once; the previous one signs too until {@code previousSecretValidUntil}. */
    public record RotatedSecret(String secret, Instant previousSecretValidUntil) {
    }

    public record SubscriptionList(List<SubscriptionResponse> subscriptions) {
    }

    public static SubscriptionResponse of(Subscription subscription, Instant now) {
        Subscription.Disabling why = subscription.disabled();
        Instant overlap = subscription.secrets().stream().map(Subscription.SigningSecret::validUntil)
                .filter(until -> until != null && until.isAfter(now)).findFirst().orElse(null);
        return new SubscriptionResponse(subscription.id(), subscription.types(), filters(subscription),
                subscription.sink(), subscription.protocol(), bureaus(subscription), subscription.status(),
                why == null ? null : new Disabled(why.reason(), why.lastStatus(), why.detail(), why.deliveryId(),
                        why.at()),
                overlap == null ? null : new Rotation(overlap), subscription.createdAt(), subscription.changedAt());
    }

    public static Created created(Subscription subscription) {
        return new Created(subscription.id(), subscription.types(), filters(subscription), subscription.sink(),
                subscription.protocol(), bureaus(subscription), subscription.status(), subscription.createdAt(),
                subscription.secrets().get(0).secret());
    }

    private static JsonNode filters(Subscription subscription) {
        return JSON.readTree(subscription.filters());
    }

    private static List<String> bureaus(Subscription subscription) {
        return subscription.bureaus().stream().sorted().toList();
    }
}
