package jp.iinj.eventfeeds.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import jp.iinj.eventfeeds.log.FeedCursor;
import jp.iinj.eventfeeds.log.FeedEvent;
import jp.iinj.eventfeeds.log.FeedLog;
import jp.iinj.eventfeeds.log.FeedScope;
import jp.iinj.eventfeeds.subscriptions.Subscription;
import jp.iinj.eventfeeds.subscriptions.SubscriptionActions;
import jp.iinj.eventfeeds.subscriptions.SubscriptionChanged;
import jp.iinj.eventfeeds.webhooks.RetrySchedule;
import jp.iinj.eventfeeds.webhooks.WebhookSender;
import jp.iinj.eventing.scheduling.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a {@link SubscriptionWorker} for each active subscription this instance holds the lease of. Every tick it
 * renews its leases (saving each worker's cursor in the same write), takes subscriptions whose lease lapsed (their
 * instance stopped), stops workers of subscriptions disabled or deleted, and lets each worker know how far the log
 * reaches, so that events another instance logged are delivered too. Events this instance logs reach its workers at
 * once ({@link #logged}).
 */
@Component
@EnableConfigurationProperties(DeliverySettings.class)
public class DeliveryDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final ReactiveMongoTemplate mongo;
    private final FeedLog feed;
    private final DeliveryLog deliveries;
    private final WebhookSender sender;
    private final SubscriptionActions subscriptions;
    private final Clock clock;
    private final DeliverySettings settings;
    private final RetrySchedule schedule;
    private final String instance = UUID.randomUUID().toString();
    private final Map<String, SubscriptionWorker> workers = new ConcurrentHashMap<>();
    private final PeriodicTask ticks;

    public DeliveryDispatcher(ReactiveMongoTemplate mongo, FeedLog feed, DeliveryLog deliveries, WebhookSender sender,
                              SubscriptionActions subscriptions, Clock clock, DeliverySettings settings) {
        this.mongo = mongo;
        this.feed = feed;
        this.deliveries = deliveries;
        this.sender = sender;
        this.subscriptions = subscriptions;
        this.clock = clock;
        this.settings = settings;
        this.schedule = new RetrySchedule(settings.retryDelays(), () -> ThreadLocalRandom.current().nextDouble());
        this.ticks = new PeriodicTask("webhook delivery", Duration.ZERO, settings.tick(), this::tick);
    }

    /** An event this instance just logged: to every worker here, each of which decides whether it is for it. */
    public void logged(FeedEvent event) {
        workers.values().forEach(worker -> worker.offer(event));
    }

    @EventListener
    void on(SubscriptionChanged changed) {
        mongo.findById(changed.subscriptionId(), Subscription.class)
                .flatMap(this::keep)
                .switchIfEmpty(Mono.fromRunnable(() -> release(changed.subscriptionId())))
                .subscribe(null, failure -> log.warn("subscription {} not picked up yet: {}",
                        changed.subscriptionId(), failure.toString()));
    }

    Mono<Void> tick() {
        return feed.end(FeedScope.everything()).flatMap(end -> mongo.find(
                        Query.query(where("status").is(Subscription.Status.ACTIVE)), Subscription.class)
                .concatMap(subscription -> keep(subscription).doOnNext(worker -> worker.catchUpTo(end))
                        .thenReturn(subscription.id()))
                .collect(Collectors.toSet())
                .doOnNext(active -> workers.keySet().stream().filter(id -> !active.contains(id)).toList()
                        .forEach(this::release)))
                .then();
    }

    /** Keeps (or takes) the lease of an active subscription and its worker; stops the worker of an inactive one. */
    private Mono<SubscriptionWorker> keep(Subscription subscription) {
        if (subscription.status() != Subscription.Status.ACTIVE) {
            release(subscription.id());
            return Mono.empty();
        }
        SubscriptionWorker running = workers.get(subscription.id());
        if (running != null && !running.stopped()) {
            running.update(subscription);
            return renew(running);
        }
        if (running != null && !running.replaceable()) {
            return Mono.empty();
        }
        // read again once the lease is held: the list this came from may predate a disabling that just finished
        return claim(subscription).flatMap(progress -> mongo.findById(subscription.id(), Subscription.class)
                .filter(current -> current.status() == Subscription.Status.ACTIVE)
                .map(current -> startOrKeep(current, progress))
                .switchIfEmpty(Mono.fromRunnable(() -> release(subscription.id()))));
    }

    private SubscriptionWorker startOrKeep(Subscription subscription, DeliveryProgress progress) {
        return workers.compute(subscription.id(), (id, existing) -> {
            if (existing != null && !existing.replaceable()) {
                existing.update(subscription);
                return existing;
            }
            SubscriptionWorker worker = new SubscriptionWorker(subscription,
                    FeedCursor.parse(progress.cursor(), "cursor"), feed, deliveries, sender, schedule, clock,
                    settings.backlog(), subscriptions::disable);
            worker.start();
            return worker;
        });
    }

    private Mono<SubscriptionWorker> renew(SubscriptionWorker worker) {
        String id = worker.subscription().id();
        Update update = new Update().set("leaseUntil", clock.instant().plus(settings.lease()));
        String cursor = worker.cursorToSave();
        if (cursor != null) {
            update.set("cursor", cursor);
        }
        return mongo.updateFirst(Query.query(where("_id").is(id).and("holder").is(instance)), update,
                        DeliveryProgress.class)
                .flatMap(result -> {
                    if (result.getMatchedCount() == 1) {
                        return Mono.just(worker);
                    }
                    // another instance took it over (this one was too slow to renew): it delivers from now on
                    log.warn("lease of subscription {} lost", id);
                    worker.stop();
                    workers.remove(id, worker);
                    return Mono.empty();
                });
    }

    /** The lease, when nobody holds it (or its holder let it lapse); a new subscription's progress starts here. */
    private Mono<DeliveryProgress> claim(Subscription subscription) {
        Instant now = clock.instant();
        Query free = Query.query(where("_id").is(subscription.id()).orOperator(where("holder").is(instance),
                where("holder").is(null), where("leaseUntil").lt(now)));
        Update take = new Update().set("holder", instance).set("leaseUntil", now.plus(settings.lease()))
                .setOnInsert("cursor", subscription.startAfter());
        return mongo.findAndModify(free, take, FindAndModifyOptions.options().upsert(true).returnNew(true),
                        DeliveryProgress.class)
                // held by another instance: the upsert collides with its document
                .onErrorResume(DuplicateKeyException.class, held -> Mono.empty());
    }

    private void release(String subscriptionId) {
        SubscriptionWorker worker = workers.remove(subscriptionId);
        if (worker == null) {
            return;
        }
        worker.stop();
        String cursor = worker.cursorToSave();
        Update update = new Update().set("leaseUntil", clock.instant());
        if (cursor != null) {
            update.set("cursor", cursor);
        }
        mongo.updateFirst(Query.query(where("_id").is(subscriptionId).and("holder").is(instance)), update,
                DeliveryProgress.class).subscribe(null, failure -> log.warn("lease of subscription {} not released: {}",
                subscriptionId, failure.toString()));
    }

    /** Subscriptions this instance delivers now (for tests). */
    Set<String> delivering() {
        return Set.copyOf(workers.keySet());
    }

    @Override
    public void start() {
        ticks.start();
    }

    @Override
    public void stop() {
        ticks.stop();
        Flux.fromIterable(Set.copyOf(workers.keySet())).doOnNext(this::release).blockLast(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return ticks.isRunning();
    }

    @Override
    public int getPhase() {
        // stops before the web server and the Kafka consumers, starts after them
        return Integer.MAX_VALUE - 2000;
    }
}
