package jp.iinj.eventfeeds.delivery;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jp.iinj.eventfeeds.filters.FilterExpression;
import jp.iinj.eventfeeds.filters.FilterExpressions;
import jp.iinj.eventfeeds.log.FeedCursor;
import jp.iinj.eventfeeds.log.FeedEvent;
import jp.iinj.eventfeeds.log.FeedLog;
import jp.iinj.eventfeeds.log.FeedScope;
import jp.iinj.eventfeeds.log.StructuredCloudEvents;
import jp.iinj.eventfeeds.subscriptions.Subscription;
import jp.iinj.eventfeeds.webhooks.RetrySchedule;
import jp.iinj.eventfeeds.webhooks.WebhookSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers one subscription's events, one at a time, in the log's order: an event waits until the one before it was
 * delivered (or its retries ran out), so one aggregate's events arrive in order. Each subscription has its own worker
 * and its own pace, so a slow or dead subscriber holds up nobody else.
 *
 * <p>Events reach it two ways. The instance that logs an event hands it over at once (the fast path), and the worker
 * takes it when it directly follows the last one it handled in that partition. Otherwise (after a start, a gap, or
 * events another instance logged) it reads the log after its cursor. Both go through {@link #handle}, which skips
 * what the cursor already covers, so nothing is delivered twice by the two paths.
 */
final class SubscriptionWorker {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionWorker.class);
    private static final int PAGE = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FeedLog feed;
    private final DeliveryLog deliveries;
    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final Clock clock;
    private final int backlog;
    private final Disabler disabler;

    private volatile Subscription subscription;
    private volatile List<FilterExpression> filters;
    private final Map<String, Long> cursor = new ConcurrentHashMap<>();
    private final Queue<FeedEvent> live = new ConcurrentLinkedQueue<>();
    private final AtomicInteger liveSize = new AtomicInteger();
    private final AtomicBoolean readLog = new AtomicBoolean(true);
    private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();
    private volatile boolean cursorMoved;
    private volatile boolean draining;
    private volatile boolean stopped;
    private volatile boolean disabling;
    private Disposable running;

    /** Disables the subscription after a 410 or when every retry failed. */
    interface Disabler {
        Mono<?> disable(String subscriptionId, Subscription.Disabling why);
    }

    SubscriptionWorker(Subscription subscription, FeedCursor start, FeedLog feed, DeliveryLog deliveries,
                       WebhookSender sender, RetrySchedule schedule, Clock clock, int backlog, Disabler disabler) {
        this.feed = feed;
        this.deliveries = deliveries;
        this.sender = sender;
        this.schedule = schedule;
        this.clock = clock;
        this.backlog = backlog;
        this.disabler = disabler;
        this.cursor.putAll(start.lastOffsets());
        update(subscription);
    }

    void start() {
        running = wakeUps.asFlux().startWith(true).onBackpressureLatest()
                .concatMap(wake -> drain().onErrorResume(failure -> {
                    // e.g. MongoDB away: the log is read again from the cursor at the next wake-up
                    log.warn("delivery of subscription {} interrupted: {}", subscription.id(), failure.toString());
                    readLog.set(true);
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    void stop() {
        stopped = true;
        Disposable loop = running;
        if (loop != null) {
            loop.dispose();
        }
    }

    boolean stopped() {
        return stopped;
    }

    /**
     * Stopped, and not still disabling its subscription: until that write is done the subscription still reads as
     * active, and a new worker would send the failed delivery again.
     */
    boolean replaceable() {
        return stopped && !disabling;
    }

    /**
     * The owner changed it (a rotated secret, say): later attempts use the new one. An older read of it, which a
     * slower lookup may bring after a newer one, changes nothing.
     */
    synchronized void update(Subscription changed) {
        Subscription current = subscription;
        if (current != null && changed.revision() < current.revision()) {
            return;
        }
        this.filters = FilterExpressions.parse(JSON.readTree(changed.filters()));
        this.subscription = changed;
    }

    Subscription subscription() {
        return subscription;
    }

    /** An event this instance just logged. */
    void offer(FeedEvent event) {
        if (liveSize.incrementAndGet() > backlog) {
            // far behind: the log holds all of it, so read it from there rather than hold it in memory
            live.clear();
            liveSize.set(0);
            readLog.set(true);
        } else {
            live.add(event);
        }
        wake();
    }

    /**
     * Reads the log when it holds events past the cursor, which another instance logged. Not while events are being
     * delivered or wait in memory: those are this instance's own, and the log is read once they are done, if needed.
     */
    void catchUpTo(FeedCursor end) {
        if (draining || !live.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Long> partition : end.lastOffsets().entrySet()) {
            Long handled = cursor.get(partition.getKey());
            if (handled == null || handled < partition.getValue()) {
                readLog.set(true);
                wake();
                return;
            }
        }
    }

    /** The cursor to save, or null when it has not moved since the last call. */
    String cursorToSave() {
        if (!cursorMoved) {
            return null;
        }
        cursorMoved = false;
        return new FeedCursor(Map.copyOf(cursor)).encoded();
    }

    private void wake() {
        wakeUps.emitNext(true, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
    }

    private Mono<Void> drain() {
        return Mono.defer(() -> {
            if (stopped) {
                return Mono.empty();
            }
            draining = true;
            Mono<Void> work = readLog.getAndSet(false) ? fromLog(true).then(fromMemory()) : fromMemory();
            return work.doFinally(done -> draining = false);
        });
    }

    /** Page after page of the log after the cursor; a loop, not a recursion, however far behind it is. */
    private Mono<Void> fromLog(boolean resuming) {
        return Mono.defer(() -> stopped ? Mono.just(false) : feed.after(new FeedCursor(Map.copyOf(cursor)),
                        FeedScope.everything(), PAGE)
                .flatMap(page -> Flux.fromIterable(page.events())
                        .concatMap(event -> handle(event, resuming), 1)
                        .then(Mono.fromSupplier(() -> page.events().size() == PAGE && !stopped))))
                .repeat().takeWhile(more -> more).then();
    }

    /** The events handed over, one after another, until none is left. */
    private Mono<Void> fromMemory() {
        return Mono.defer(this::nextFromMemory).repeat().takeWhile(more -> more).then();
    }

    /** @return whether an event was handled (so there may be more) */
    private Mono<Boolean> nextFromMemory() {
        FeedEvent next = live.poll();
        while (next != null && covered(next)) {
            liveSize.decrementAndGet();
            next = live.poll();
        }
        if (next == null || stopped) {
            return Mono.just(false);
        }
        liveSize.decrementAndGet();
        if (!follows(next)) {
            // something before it is not in memory: the log has both, in order
            live.clear();
            liveSize.set(0);
            return fromLog(false).thenReturn(true);
        }
        return handle(next, false).thenReturn(true);
    }

    /**
     * @param resuming read from the log: it may have been delivered before a restart whose cursor was not saved, or be
     *                 mid-retry; its delivery log entry says which
     */
    private Mono<Void> handle(FeedEvent event, boolean resuming) {
        if (stopped || covered(event)) {
            return Mono.empty();
        }
        Subscription current = subscription;
        if (!matches(current, event)) {
            advance(event);
            return Mono.empty();
        }
        String webhookId = Delivery.webhookId(current.id(), event.id());
        Mono<RetryState> state = resuming
                ? deliveries.find(webhookId).map(RetryState::of).defaultIfEmpty(RetryState.FRESH)
                : Mono.just(RetryState.FRESH);
        return state.flatMap(retry -> {
            if (retry.delivered()) {
                return Mono.just(true);
            }
            return attempt(event, webhookId, StructuredCloudEvents.single(event), retry.failed(), retry.notBefore());
        }).doOnNext(go -> {
            if (go) {
                advance(event);
            } else {
                stopped = true;
            }
        }).then();
    }

    /** @return true when the delivery is done (delivered), false when the subscription is disabled */
    private Mono<Boolean> attempt(FeedEvent event, String webhookId, byte[] body, int failed, Instant notBefore) {
        Duration wait = notBefore == null ? Duration.ZERO : Duration.between(clock.instant(), notBefore);
        Mono<WebhookSender.Attempt> send = Mono.defer(() -> {
            Subscription current = subscription;
            return sender.send(URI.create(current.sink()), webhookId, body, current.signingSecrets(clock.instant()));
        });
        Mono<WebhookSender.Attempt> attempt = wait.isNegative() || wait.isZero() ? send
                : Mono.delay(wait).then(send);
        return attempt.flatMap(made -> {
            String id = subscription.id();
            switch (made.result()) {
                case DELIVERED:
                    return deliveries.record(id, event, webhookId, made, Delivery.Status.DELIVERED, 0, null)
                            .thenReturn(true);
                case GONE:
                    return deliveries.record(id, event, webhookId, made, Delivery.Status.GONE, failed + 1, null)
                            .then(disable(Subscription.DisabledReason.GONE, made, webhookId)).thenReturn(false);
                default:
                    int failedNow = failed + 1;
                    var next = schedule.next(failedNow, made.at(), made.retryAfter());
                    if (next.isEmpty()) {
                        return deliveries.record(id, event, webhookId, made, Delivery.Status.FAILED, failedNow, null)
                                .then(disable(Subscription.DisabledReason.FAILING, made, webhookId))
                                .thenReturn(false);
                    }
                    return deliveries.record(id, event, webhookId, made, Delivery.Status.PENDING, failedNow,
                                    next.get())
                            .then(Mono.defer(() -> attempt(event, webhookId, body, failedNow, next.get())));
            }
        });
    }

    private Mono<Void> disable(Subscription.DisabledReason reason, WebhookSender.Attempt last, String webhookId) {
        disabling = true;
        stopped = true;
        String detail = last.error() != null ? last.error()
                : last.status() == null ? null : "answered " + last.status();
        return disabler.disable(subscription.id(), new Subscription.Disabling(reason, last.status(), detail,
                webhookId, clock.instant())).doFinally(done -> disabling = false).then();
    }

    private boolean matches(Subscription current, FeedEvent event) {
        if (!current.scope().allows(event)) {
            return false;
        }
        if (!current.types().isEmpty() && !current.types().contains(event.type())) {
            return false;
        }
        return FilterExpressions.allMatch(filters, event.attributes());
    }

    private boolean covered(FeedEvent event) {
        Long handled = cursor.get(FeedCursor.partitionOf(event.topic(), event.partition()));
        return handled != null && event.offset() <= handled;
    }

    /** Directly after the last event handled in its partition (offsets of the log's partitions have no gaps). */
    private boolean follows(FeedEvent event) {
        Long handled = cursor.get(FeedCursor.partitionOf(event.topic(), event.partition()));
        return handled == null ? event.offset() == 0 : event.offset() == handled + 1;
    }

    private void advance(FeedEvent event) {
        cursor.put(FeedCursor.partitionOf(event.topic(), event.partition()), event.offset());
        cursorMoved = true;
    }

    /** Where a delivery read from the log stands: never tried, mid-retry, or done before a restart. */
    private record RetryState(int failed, Instant notBefore, boolean delivered) {

        static final RetryState FRESH = new RetryState(0, null, false);

        static RetryState of(Delivery delivery) {
            return switch (delivery.status()) {
                case DELIVERED -> new RetryState(0, null, true);
                case PENDING -> new RetryState(delivery.failedAttempts(), delivery.nextAttemptAt(), false);
                // gave up before, and the owner enabled the subscription again: a new round of retries
                case FAILED, GONE -> FRESH;
            };
        }
    }
}
