package jp.iinj.eventing.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import jp.iinj.eventing.cloudevents.KafkaBinaryMode;
import jp.iinj.eventing.configuration.EventingProperties;
import jp.iinj.eventing.topics.TopicProvisioner;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes outbox entries to Kafka. Each round it leases aggregates with pending events (one atomic
 * findAndModify per aggregate, so several instances never publish the same aggregate at once), sends their
 * pending events in order, and marks each published only after the broker acknowledged it. A failed send stops
 * that aggregate (order matters) and backs it off exponentially. A lease left by a crashed instance expires and
 * is taken over. Publishing is therefore at-least-once; consumers deduplicate by event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final TopicProvisioner topics;
    private final OutboxMetrics metrics;
    private final EventingProperties.Outbox settings;
    private final Clock clock;
    private final String instanceId = UUID.randomUUID().toString();
    private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();
    private volatile Disposable loop;
    private volatile Instant backlogRefreshedAt;

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, TopicProvisioner topics,
                       OutboxMetrics metrics, EventingProperties.Outbox settings, Clock clock) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.topics = topics;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
    }

    /** Asks for a round now instead of at the next poll; called after a write added events. */
    public void wakeUp() {
        wakeUps.tryEmitNext(Boolean.TRUE);
    }

    /** One relay round over every outbox collection, then a fresh backlog figure; exposed for tests and tools. */
    public Mono<Void> relayOnce() {
        return relayEveryCollection().then(refreshBacklog());
    }

    private Mono<Void> relayEveryCollection() {
        return Flux.fromIterable(settings.collections())
                .concatMap(this::relayCollection)
                .then();
    }

    /**
     * Finds up to a batch of aggregates whose events are due (one query; the only one of a round that is not by
     * {@code _id}), then leases and publishes them, each lease one atomic findAndModify by {@code _id}.
     */
    private Mono<Void> relayCollection(String collection) {
        Query dueNow = Query.query(due(Date.from(clock.instant()))).limit(settings.batchSize());
        dueNow.fields().include("_id");
        return mongo.find(dueNow, Document.class, collection)
                .map(found -> found.get("_id"))
                .flatMap(aggregateId -> claim(collection, aggregateId)
                        .flatMap(lease -> publishPending(collection, lease)), settings.concurrency())
                .then();
    }

    /** Pending events, not backing off after a failure, and nobody holding a live lease. */
    private static Criteria due(Date now) {
        return new Criteria().andOperator(
                where(OutboxFields.PENDING).gt(0),
                new Criteria().orOperator(where(OutboxFields.RETRY_AT).is(null), where(OutboxFields.RETRY_AT).lte(now)),
                new Criteria().orOperator(where(OutboxFields.LEASE).is(null), where(OutboxFields.LEASE_EXPIRES_AT).lt(now)));
    }

    /** Leases the aggregate if it is still due, or completes empty when another relay was first. */
    private Mono<Lease> claim(String collection, Object aggregateId) {
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        // _id at the top level: the whole condition is checked on that one document
        Query stillDue = Query.query(where("_id").is(aggregateId).andOperator(due(Date.from(now))));
        Update lease = new Update().set(OutboxFields.LEASE, new Document("owner", instanceId)
                .append("token", token)
                .append("expiresAt", Date.from(now.plus(settings.lease()))));
        return mongo.findAndModify(stillDue, lease, FindAndModifyOptions.options().returnNew(false), Document.class, collection)
                .map(before -> {
                    if (before.get(OutboxFields.LEASE) != null) {
                        metrics.leaseReclaimed(collection);
                        log.warn("took over the expired outbox lease of aggregate {} in {}", aggregateId, collection);
                    }
                    return new Lease(aggregateId, token, OutboxEntry.listFrom(before));
                });
    }

    private Mono<Void> publishPending(String collection, Lease lease) {
        List<OutboxEntry> pending = lease.entries().stream()
                .filter(entry -> entry.status() == OutboxEntry.Status.PENDING)
                .toList();
        return Flux.fromIterable(pending)
                // deferred: each step reads the clock when it runs, not when the chain is assembled
                .concatMap(entry -> send(entry)
                        .then(Mono.defer(() -> markPublished(collection, lease, entry)))
                        .thenReturn(true)
                        .onErrorResume(failure -> Mono.defer(() -> markFailed(collection, lease, entry, failure)).thenReturn(false)))
                .takeUntil(published -> !published)
                .then(Mono.defer(() -> release(collection, lease)));
    }

    private Mono<Void> send(OutboxEntry entry) {
        // send() blocks while the broker's metadata is unknown (max.block.ms): keep it off the event loops
        return Mono.fromFuture(() -> kafka.send(KafkaBinaryMode.toRecord(entry.topic(), entry.key(), entry.event(),
                        entry.data().getBytes(StandardCharsets.UTF_8))))
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    private Mono<Void> markPublished(String collection, Lease lease, OutboxEntry entry) {
        // only the lease holder marks, so each entry's pending count is taken off once; a relay whose lease
        // expired mid-send leaves the marking to its successor, which re-sends (consumers deduplicate)
        Query query = Query.query(where("_id").is(lease.aggregateId())
                .and(OutboxFields.LEASE_TOKEN).is(lease.token())
                .and(OutboxFields.OUTBOX + "." + OutboxFields.EVENT_ID).is(entry.event().id()));
        Update update = new Update()
                .set(OutboxFields.OUTBOX + ".$." + OutboxFields.STATUS, OutboxEntry.Status.PUBLISHED.name())
                .set(OutboxFields.OUTBOX + ".$." + OutboxFields.PUBLISHED_AT, Date.from(clock.instant()))
                .inc(OutboxFields.OUTBOX + ".$." + OutboxFields.ATTEMPTS, 1)
                .inc(OutboxFields.PENDING, -1);
        return mongo.updateFirst(query, update, collection)
                .doOnSuccess(result -> {
                    if (result.getModifiedCount() == 1) {
                        metrics.published(entry.topic());
                    }
                })
                .then();
    }

    private Mono<Void> markFailed(String collection, Lease lease, OutboxEntry entry, Throwable failure) {
        int attempts = entry.attempts() + 1;
        Duration backoff = backoffAfter(attempts);
        metrics.publishFailed(entry.topic());
        log.warn("publishing event {} ({}) of aggregate {} failed, attempt {}; next try in {}: {}",
                entry.event().id(), entry.event().type(), lease.aggregateId(), attempts, backoff, failure.toString());
        Query query = Query.query(where("_id").is(lease.aggregateId())
                .and(OutboxFields.LEASE_TOKEN).is(lease.token())
                .and(OutboxFields.OUTBOX + "." + OutboxFields.EVENT_ID).is(entry.event().id()));
        Update update = new Update()
                .inc(OutboxFields.OUTBOX + ".$." + OutboxFields.ATTEMPTS, 1)
                .set(OutboxFields.OUTBOX + ".$." + OutboxFields.LAST_ERROR, truncate(failure.toString()))
                .set(OutboxFields.RETRY_AT, Date.from(clock.instant().plus(backoff)));
        return mongo.updateFirst(query, update, collection).then();
    }

    Duration backoffAfter(int attempts) {
        long factor = 1L << Math.min(attempts - 1, 20);
        Duration backoff = settings.initialBackoff().multipliedBy(factor);
        return backoff.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : backoff;
    }

    /** Ends the lease and drops entries published longer ago than the retention, so documents stay small. */
    private Mono<Void> release(String collection, Lease lease) {
        Date cutoff = Date.from(clock.instant().minus(settings.retention()));
        Query ours = Query.query(where("_id").is(lease.aggregateId()).and(OutboxFields.LEASE_TOKEN).is(lease.token()));
        Update update = new Update()
                .unset(OutboxFields.LEASE)
                .pull(OutboxFields.OUTBOX, new Document(OutboxFields.STATUS, OutboxEntry.Status.PUBLISHED.name())
                        .append(OutboxFields.PUBLISHED_AT, new Document("$lte", cutoff)));
        return mongo.updateFirst(ours, update, collection).then();
    }

    /** The backlog sums over whole collections: at most once per backlog interval, not after every wake-up. */
    private Mono<Void> refreshBacklogIfDue() {
        Instant now = clock.instant();
        Instant last = backlogRefreshedAt;
        if (last != null && now.isBefore(last.plus(settings.backlogInterval()))) {
            return Mono.empty();
        }
        backlogRefreshedAt = now;
        return refreshBacklog();
    }

    private Mono<Void> refreshBacklog() {
        return Flux.fromIterable(settings.collections())
                .concatMap(this::pendingEvents)
                .reduce(0L, Long::sum)
                .doOnNext(metrics::backlog)
                .then();
    }

    /**
     * Sums {@code outboxPending} over the aggregates that have any: a query on that field (covered by its index on a
     * real MongoDB), not an aggregation, whose input mongo-java-server would materialise as the whole collection.
     */
    private Mono<Long> pendingEvents(String collection) {
        Query withPending = Query.query(where(OutboxFields.PENDING).gt(0));
        withPending.fields().include(OutboxFields.PENDING).exclude("_id");
        return mongo.find(withPending, Document.class, collection)
                .map(found -> found.get(OutboxFields.PENDING) instanceof Number pending ? pending.longValue() : 0L)
                .reduce(0L, Long::sum);
    }

    private static String truncate(String message) {
        return message.length() <= MAX_ERROR_LENGTH ? message : message.substring(0, MAX_ERROR_LENGTH);
    }

    @Override
    public void start() {
        Flux.fromIterable(settings.collections())
                .concatMap(collection -> mongo.indexOps(collection).createIndex(new Index(OutboxFields.PENDING, org.springframework.data.domain.Sort.Direction.ASC)))
                .onErrorResume(e -> {
                    log.warn("could not create the outbox index: {}", e.toString());
                    return Mono.empty();
                })
                .blockLast(Duration.ofSeconds(30));
        loop = Flux.merge(Flux.interval(Duration.ZERO, settings.pollInterval()).map(tick -> Boolean.TRUE), wakeUps.asFlux())
                .onBackpressureDrop()
                .concatMap(tick -> topics.ensureProvisioned()
                        .then(relayEveryCollection())
                        .then(Mono.defer(this::refreshBacklogIfDue))
                        .onErrorResume(e -> {
                            log.warn("outbox relay round failed: {}", e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
        log.info("outbox relay {} started for collections {}", instanceId, settings.collections());
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null && !loop.isDisposed();
    }

    private record Lease(Object aggregateId, String token, List<OutboxEntry> entries) {
    }
}
