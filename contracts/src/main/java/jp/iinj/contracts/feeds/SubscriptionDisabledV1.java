package jp.iinj.contracts.feeds;

import java.time.Instant;
import java.util.List;

/**
 * Event feeds disabled a webhook subscription and delivers nothing to it until its regional body enables it again;
 * published so the body can be told. Ids and codes only: the sink URL may name the body's systems and stays in event
 * feeds.
 *
 * @param bureaus    the bureaus of the regional body that owns the subscription, the body to tell
 * @param lastStatus the HTTP status of the last failed attempt; null when there was no answer (timeout, refused
 *                   connection, TLS failure)
 */
public record SubscriptionDisabledV1(
        String subscriptionId,
        List<String> bureaus,
        SubscriptionDisabledReason reason,
        Integer lastStatus,
        Instant disabledAt) {
}
