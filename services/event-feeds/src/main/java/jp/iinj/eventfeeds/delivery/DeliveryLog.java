package jp.iinj.eventfeeds.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jp.iinj.eventfeeds.log.FeedEvent;
import jp.iinj.eventfeeds.webhooks.WebhookSender;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Every attempt of every delivery, for the owner to see: one upsert per attempt on the delivery's document. */
@Service
public class DeliveryLog {

    /**
     * The instants a client may name in the log's queries: those RFC 3339 writes (years 0000–9999). Java reads
     * instants up to a billion years either way, but a MongoDB date holds milliseconds in a long, and converting one
     * beyond that fails inside the query, which would be a 500 rather than the client's mistake.
     */
    static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    static final String QUERYABLE = "an instant between 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public DeliveryLog(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    static boolean queryable(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    public Mono<Delivery> find(String webhookId) {
        return mongo.findById(webhookId, Delivery.class);
    }

    public Mono<Delivery> find(String subscriptionId, String webhookId) {
        return mongo.findOne(Query.query(where("_id").is(webhookId).and("subscriptionId").is(subscriptionId)),
                Delivery.class);
    }

    /** The subscription's deliveries, newest first, created before {@code before} when given. */
    public Mono<List<Delivery>> recent(String subscriptionId, Instant before, int limit) {
        Query query = Query.query(before == null ? where("subscriptionId").is(subscriptionId)
                : where("subscriptionId").is(subscriptionId).and("createdAt").lt(before));
        return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "createdAt", "_id")).limit(limit), Delivery.class)
                .collectList();
    }

    /**
     * Records an attempt and what the delivery's state is after it.
     *
     * @param failedAttempts the failed attempts counted by the retry schedule after this one
     * @param nextAttemptAt  when the next retry is due, or null
     */
    public Mono<Void> record(String subscriptionId, FeedEvent event, String webhookId, WebhookSender.Attempt attempt,
                             Delivery.Status status, int failedAttempts, Instant nextAttemptAt) {
        Update update = attempt(subscriptionId, event, attempt, false)
                .set("status", status)
                .set("failedAttempts", failedAttempts)
                .set("nextAttemptAt", nextAttemptAt);
        return mongo.upsert(Query.query(where("_id").is(webhookId)), update, Delivery.class).then();
    }

    /**
     * Records a replay's attempt. It leaves the delivery's state to the ordered delivery (which may be retrying it),
     * except for an event the subscription never delivered before, whose entry starts with this attempt.
     */
    public Mono<Void> recordReplay(String subscriptionId, FeedEvent event, String webhookId,
                                   WebhookSender.Attempt attempt) {
        Update update = attempt(subscriptionId, event, attempt, true)
                .setOnInsert("status", attempt.result() == WebhookSender.Result.DELIVERED
                        ? Delivery.Status.DELIVERED : Delivery.Status.FAILED)
                .setOnInsert("failedAttempts", 0);
        return mongo.upsert(Query.query(where("_id").is(webhookId)), update, Delivery.class).then();
    }

    private Update attempt(String subscriptionId, FeedEvent event, WebhookSender.Attempt attempt, boolean replay) {
        Instant now = clock.instant();
        Delivery.AttemptRecord recorded = new Delivery.AttemptRecord(attempt.at(), attempt.status(),
                attempt.result().name(), attempt.error(), attempt.took().toMillis(), replay);
        return new Update()
                .setOnInsert("subscriptionId", subscriptionId)
                .setOnInsert("eventId", event.id())
                .setOnInsert("eventType", event.type())
                .setOnInsert("subject", event.subject())
                .setOnInsert("eventTime", event.time())
                .setOnInsert("createdAt", now)
                .set("updatedAt", now)
                .push("attempts").slice(-Delivery.ATTEMPTS_KEPT).each(recorded);
    }
}
