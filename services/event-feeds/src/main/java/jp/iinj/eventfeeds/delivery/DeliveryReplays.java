package jp.iinj.eventfeeds.delivery;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jp.iinj.eventfeeds.filters.FilterExpressions;
import jp.iinj.eventfeeds.log.FeedEvent;
import jp.iinj.eventfeeds.log.FeedLog;
import jp.iinj.eventfeeds.log.StructuredCloudEvents;
import jp.iinj.eventfeeds.subscriptions.Subscription;
import jp.iinj.eventfeeds.subscriptions.SubscriptionRequests;
import jp.iinj.eventfeeds.webhooks.WebhookSender;
import jp.iinj.httpapi.core.problems.ConflictException;
import jp.iinj.httpapi.core.problems.FieldValidationException;
import jp.iinj.httpapi.core.problems.InvalidField;
import jp.iinj.httpapi.core.problems.ResourceNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the owner asks to have delivered again: one delivery, or every event of a time range. A replay is one attempt
 * per event with the delivery's own {@code webhook-id}, recorded in the delivery log; it runs beside the ordered
 * delivery, which it neither waits for nor holds up. One range replay at a time per subscription.
 */
@Service
public class DeliveryReplays {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReplays.class);
    /** A replay sends at most this many events; a longer range is refused rather than cut short unseen. */
    static final int MAX_EVENTS = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FeedLog feed;
    private final DeliveryLog deliveries;
    private final WebhookSender sender;
    private final Clock clock;
    private final Set<String> rangesRunning = ConcurrentHashMap.newKeySet();

    public DeliveryReplays(FeedLog feed, DeliveryLog deliveries, WebhookSender sender, Clock clock) {
        this.feed = feed;
        this.deliveries = deliveries;
        this.sender = sender;
        this.clock = clock;
    }

    /** Sends the delivery's event again, in the background. */
    public Mono<Void> replay(Subscription subscription, String deliveryId) {
        requireActive(subscription);
        return deliveries.find(subscription.id(), deliveryId)
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("no delivery " + deliveryId
                        + " in this subscription's log")))
                .flatMap(delivery -> feed.event(delivery.eventId())
                        .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("the event of delivery "
                                + deliveryId + " is no longer in the feed"))))
                .doOnNext(event -> send(subscription, event)
                        .subscribe(null, failure -> log.warn("replay of {} failed: {}", deliveryId,
                                failure.toString())))
                .then();
    }

    /** Sends again, in the background and in log order, every event of the subscription in the range. */
    public Mono<Integer> replay(Subscription subscription, SubscriptionRequests.ReplayRange range) {
        requireActive(subscription);
        if (range == null || range.from() == null || range.to() == null) {
            return Mono.error(new FieldValidationException(range == null || range.from() == null ? "from" : "to",
                    "must not be null; an instant such as 2026-12-01T00:00:00Z"));
        }
        if (!DeliveryLog.queryable(range.from()) || !DeliveryLog.queryable(range.to())) {
            return Mono.error(new FieldValidationException(DeliveryLog.queryable(range.from()) ? "to" : "from",
                    DeliveryLog.QUERYABLE));
        }
        if (range.from().isAfter(range.to())) {
            return Mono.error(new FieldValidationException(List.of(
                    new InvalidField("from", "must not be after to"))));
        }
        if (!rangesRunning.add(subscription.id())) {
            return Mono.error(ConflictException.because("replay-running", "a replay of this subscription is still "
                    + "running; wait for it to finish"));
        }
        var filters = FilterExpressions.parse(JSON.readTree(subscription.filters()));
        return feed.between(range.from(), range.to(), subscription.scope(), MAX_EVENTS + 1)
                .filter(event -> subscription.types().isEmpty() || subscription.types().contains(event.type()))
                .filter(event -> FilterExpressions.allMatch(filters, event.attributes()))
                .collectList()
                .flatMap(events -> {
                    if (events.size() > MAX_EVENTS) {
                        return Mono.error(new FieldValidationException("to", "the range holds more than "
                                + MAX_EVENTS + " events; replay a shorter one"));
                    }
                    Flux.fromIterable(events).concatMap(event -> send(subscription, event), 1)
                            .doFinally(done -> rangesRunning.remove(subscription.id()))
                            .subscribe(null, failure -> log.warn("replay of subscription {} stopped: {}",
                                    subscription.id(), failure.toString()));
                    return Mono.just(events.size());
                })
                .doOnError(refused -> rangesRunning.remove(subscription.id()));
    }

    private Mono<Void> send(Subscription subscription, FeedEvent event) {
        String webhookId = Delivery.webhookId(subscription.id(), event.id());
        return sender.send(URI.create(subscription.sink()), webhookId, StructuredCloudEvents.single(event),
                        subscription.signingSecrets(clock.instant()))
                .flatMap(attempt -> deliveries.recordReplay(subscription.id(), event, webhookId, attempt))
                .timeout(Duration.ofMinutes(1));
    }

    private static void requireActive(Subscription subscription) {
        if (subscription.status() != Subscription.Status.ACTIVE) {
            throw ConflictException.because("subscription-disabled", "the subscription is disabled; enable it "
                    + "first");
        }
    }
}
