package jp.iinj.portal.feeds;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.JsonNode;

/** Event feeds' subscriptions ({@code /api/feeds/subscriptions}), as its API answers and as the portal sends them. */
public final class FeedSubscriptions {

    private FeedSubscriptions() {
    }

    /**
     * A webhook subscription of a regional body.
     *
     * @param filters  CloudEvents Subscriptions API filter expressions, kept as the API wrote them
     * @param bureaus  the bureaus whose events it may carry (the body's, decided by the service)
     * @param disabled why the service stopped delivering (the sink answered 410, or failed too long), or null
     * @param rotation while a rotated secret's predecessor still signs, until when
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Subscription(String id, List<String> types, List<JsonNode> filters, String sink, String protocol,
                               List<String> bureaus, String status, Disabled disabled, Instant createdAt,
                               Rotation rotation) {

        public Subscription {
            types = types == null ? List.of() : types;
            filters = filters == null ? List.of() : filters;
            bureaus = bureaus == null ? List.of() : bureaus;
        }

        public boolean active() {
            return "ACTIVE".equals(status);
        }

        /** The filters as one line of JSON each, for the page. */
        public List<String> filterTexts() {
            return filters.stream().map(JsonNode::toString).toList();
        }
    }

    /** @param lastStatus the sink's last HTTP status, null when it never answered */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Disabled(String reason, Integer lastStatus, String detail, Instant at) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rotation(Instant previousSecretValidUntil) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SubscriptionList(List<Subscription> subscriptions) {

        public SubscriptionList {
            subscriptions = subscriptions == null ? List.of() : subscriptions;
        }
    }

    /**
     * A new subscription; types, filters and bureaus left out mean every type, unfiltered, in every bureau the body
     * covers.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record NewSubscription(List<String> types, List<JsonNode> filters, String sink, String protocol,
                                  List<String> bureaus) {
    }

    /** The answer to a creation: the subscription, and its signing secret, which is never shown again. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Created(String id, String sink, String secret) {
    }

    /** The answer to a rotation: the new secret (shown once) and until when the previous one still signs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rotated(String secret, Instant previousSecretValidUntil) {
    }

    /** One event's delivery to the sink, with every attempt; {@code id} is its {@code webhook-id}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delivery(String id, String eventId, String eventType, String subject, Instant eventTime, String status,
                           List<Attempt> attempts, Instant nextAttemptAt) {

        public Delivery {
            attempts = attempts == null ? List.of() : attempts;
        }
    }

    /**
     * @param status the sink's HTTP status, null when it never answered (refused, timed out)
     * @param replay the owner asked for this attempt (a replay), rather than the ordered delivery
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attempt(Instant at, Integer status, String result, String error, Long tookMillis, Boolean replay) {

        public Attempt {
            replay = Boolean.TRUE.equals(replay);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DeliveryList(List<Delivery> deliveries) {

        public DeliveryList {
            deliveries = deliveries == null ? List.of() : deliveries;
        }
    }

    public record ReplayRange(Instant from, Instant to) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Replayed(int events) {
    }
}
