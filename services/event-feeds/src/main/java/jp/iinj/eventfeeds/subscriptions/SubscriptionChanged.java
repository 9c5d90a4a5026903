package jp.iinj.eventfeeds.subscriptions;

/** A subscription was created, changed or deleted on this instance: delivery picks the change up at once. */
public record SubscriptionChanged(String subscriptionId) {
}
