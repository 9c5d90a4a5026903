package jp.iinj.eventfeeds.subscriptions;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** The bodies of the subscriptions API. Only what a client may set: no id, status, secret, revision or timestamps. */
public final class SubscriptionRequests {

    private SubscriptionRequests() {
    }

    /**
     * A new subscription (CloudEvents Subscriptions API fields).
     *
     * @param types    CloudEvents types delivered; none: every type
     * @param filters  filter expressions (dialects exact, prefix, suffix, all, any, not), all of which must match
     * @param sink     where deliveries go: an https URL whose host resolves to public addresses only
     * @param protocol {@code HTTP} (Standard Webhooks); {@code webhook} is taken as the same
     * @param bureaus  some of the caller's bureaus; none: all of them (an administrator's: every event)
     */
    public record NewSubscription(List<String> types, JsonNode filters, String sink, String protocol,
                                  List<String> bureaus) {
    }

    /** Deliver again every event of the subscription logged with a CloudEvents {@code time} in [from, to]. */
    public record ReplayRange(Instant from, Instant to) {
    }
}
