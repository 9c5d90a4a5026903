package jp.iinj.eventing.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import jp.iinj.eventing.cloudevents.KafkaBinaryMode;
import jp.iinj.eventing.configuration.EventingProperties;
import jp.iinj.eventing.scheduling.PeriodicTask;
import jp.iinj.eventing.topics.TopicProvisioner;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes outbox entries to Kafka. Its normal path is the <em>hand-off</em>: a store that wrote events into an
 * aggregate's document names that aggregate ({@link #handOff}), and the relay leases exactly that document by
 * {@code _id}, sends its pending events in order, and marks them published only after the broker acknowledged them.
 * Its work therefore follows the events written, not the size of the collection.
 *
 * <p>A <em>sweep</em> every {@code sweep-interval} is the safety net: it finds every aggregate with pending events
 * (a query on {@code outboxPending}) and relays those nobody holds: events of a crashed instance (its lease expired),
 * hand-offs lost with a process or dropped when the queue was full, events whose retry time came while no timer of
 * this process was waiting for them. Each sweep also recounts the backlog gauge. Several instances split a sweep's
 * work by taking the aggregates in an order of their own (shuffled); each lease still goes to exactly one of them.
 *
 * <p>Delivery is at-least-once (a relay that dies between the ack and the mark leaves the events to be sent again);
 * consumers deduplicate by event id.
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

    /** Aggregates handed off and not yet taken up; {@link #queued} keeps one entry per aggregate. */
    private final Queue<HandOff> handOffs = new ConcurrentLinkedQueue<>();
    private final Set<HandOff> queued = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final PeriodicTask sweeps;
    private volatile boolean running;

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, TopicProvisioner topics,
                       OutboxMetrics metrics, EventingProperties.Outbox settings, Clock clock) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.topics = topics;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
        this.sweeps = new PeriodicTask("outbox sweep", Duration.ZERO, settings.sweepInterval(), this::sweepOnce);
    }

    /**
     * Relays the events a write just added to aggregate {@code aggregateId} of {@code collection}. Never blocks: past
     * {@code hand-off-capacity} waiting aggregates the hand-off is dropped (counted) and the next sweep relays it.
     */
    public void handOff(String collection, Object aggregateId) {
        HandOff handOff = new HandOff(collection, aggregateId);
        if (queued.size() >= settings.handOffCapacity()) {
            metrics.handOffDropped(collection);
            return;
        }
        if (queued.add(handOff)) {
            handOffs.add(handOff);
        }
        drain();
    }

    /** Starts hand-offs while fewer than {@code concurrency} aggregates are being relayed. */
    private void drain() {
        while (running) {
            int busy = inFlight.get();
            if (busy >= settings.concurrency()) {
                return;
            }
            if (!inFlight.compareAndSet(busy, busy + 1)) {
                continue;
            }
            HandOff next = handOffs.poll();
            if (next == null) {
                inFlight.decrementAndGet();
                if (handOffs.isEmpty()) {
                    return;
                }
                continue;
            }
            // a hand-off of the same aggregate from now on queues again: the run below may have read it too early
            queued.remove(next);
            relay(next.collection(), next.aggregateId())
                    .doFinally(signal -> {
                        inFlight.decrementAndGet();
                        drain();
                    })
                    .subscribe();
        }
    }

    /**
     * One sweep now, over every outbox collection: relays every aggregate that has due events and no live lease,
     * and recounts the backlog gauge. Runs every {@code sweep-interval}; exposed for tests and tools.
     */
    public Mono<Void> sweepOnce() {
        return topics.ensureProvisioned()
                .thenMany(Flux.fromIterable(settings.collections()))
                .concatMap(this::sweep)
                .reduce(0L, Long::sum)
                .doOnNext(metrics::backlog)
                .then();
    }

    /** @return the events pending in the collection when the sweep looked */
    private Mono<Long> sweep(String collection) {
        Instant now = clock.instant();
        Query withPending = Query.query(where(OutboxFields.PENDING).gt(0));
        withPending.fields().include(OutboxFields.PENDING).include(OutboxFields.RETRY_AT).include(OutboxFields.LEASE_EXPIRES_AT);
        return mongo.find(withPending, Document.class, collection)
                .collectList()
                .flatMap(found -> {
                    long pending = found.stream().mapToLong(OutboxRelay::pendingOf).sum();
                    List<Object> due = new ArrayList<>();
                    for (Document aggregate : found) {
                        if (isDue(aggregate, now)) {
                            due.add(aggregate.get("_id"));
                        }
                    }
                    // several instances sweeping at once start at different ends instead of racing for the same leases
                    Collections.shuffle(due);
                    metrics.swept(collection, due.size());
                    return Flux.fromIterable(due)
                            .flatMap(aggregateId -> relay(collection, aggregateId), settings.concurrency())
                            .then(Mono.just(pending));
                });
    }

    private static long pendingOf(Document aggregate) {
        return aggregate.get(OutboxFields.PENDING) instanceof Number pending ? pending.longValue() : 0L;
    }

    /** {@link #due}, read from a sweep's projection: the one query gives the backlog too, so it cannot filter. */
    private static boolean isDue(Document aggregate, Instant now) {
        Date retryAt = aggregate.getDate(OutboxFields.RETRY_AT);
        Document lease = aggregate.get(OutboxFields.LEASE, Document.class);
        Date leaseExpiresAt = lease == null ? null : lease.getDate("expiresAt");
        return pendingOf(aggregate) > 0
                && (retryAt == null || !retryAt.toInstant().isAfter(now))
                && (leaseExpiresAt == null || leaseExpiresAt.toInstant().isBefore(now));
    }

    /**
     * Leases one aggregate by {@code _id}, publishes its pending events and settles them; again while events that
     * were written meanwhile are due (their hand-off found the lease taken). Never fails: a failure is logged and
     * left to the retry timer or the sweep.
     */
    private Mono<Void> relay(String collection, Object aggregateId) {
        return topics.ensureProvisioned()
                .then(Mono.defer(() -> claim(collection, aggregateId)))
                .flatMap(lease -> publishPending(collection, lease))
                .flatMap(moreDue -> moreDue ? relay(collection, aggregateId) : Mono.<Void>empty())
                .onErrorResume(failure -> {
                    log.warn("relaying the outbox of aggregate {} in {} failed; the sweep tries again: {}",
                            aggregateId, collection, failure.toString());
                    return Mono.empty();
                });
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
        stillDue.fields().include(OutboxFields.OUTBOX).include(OutboxFields.LEASE);
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

    /**
     * Sends the pending events one after the other (order matters), stopping at the first failure, then records
     * the outcome in one write.
     *
     * @return whether more events are due right away (written while the lease was held)
     */
    private Mono<Boolean> publishPending(String collection, Lease lease) {
        List<Integer> pending = new ArrayList<>();
        for (int position = 0; position < lease.entries().size(); position++) {
            if (lease.entries().get(position).status() == OutboxEntry.Status.PENDING) {
                pending.add(position);
            }
        }
        return Flux.fromIterable(pending)
                .concatMap(position -> send(lease.entries().get(position))
                        .thenReturn(new Sent(position, null))
                        .onErrorResume(failure -> Mono.just(new Sent(position, failure))))
                .takeUntil(sent -> sent.failure() != null)
                .collectList()
                .flatMap(sent -> settle(collection, lease, sent));
    }

    private Mono<Void> send(OutboxEntry entry) {
        // send() blocks while the broker's metadata is unknown (max.block.ms): keep it off the event loops
        return Mono.fromFuture(() -> kafka.send(KafkaBinaryMode.toRecord(entry.topic(), entry.key(), entry.event(),
                        entry.data().getBytes(StandardCharsets.UTF_8))))
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    /**
     * Marks the acknowledged entries published and records a failure, by their positions in the array: while the
     * lease is held, writers only append and only the holder removes entries, so positions stay put. Only the lease
     * holder settles, so each entry's pending count is taken off once; a relay whose lease expired mid-send leaves
     * the marking to its successor, which sends again (consumers deduplicate).
     */
    private Mono<Boolean> settle(String collection, Lease lease, List<Sent> sent) {
        Instant now = clock.instant();
        Update update = new Update();
        int published = 0;
        Sent failed = null;
        for (Sent one : sent) {
            String entry = OutboxFields.OUTBOX + "." + one.position() + ".";
            update.inc(entry + OutboxFields.ATTEMPTS, 1);
            if (one.failure() == null) {
                update.set(entry + OutboxFields.STATUS, OutboxEntry.Status.PUBLISHED.name())
                        .set(entry + OutboxFields.PUBLISHED_AT, Date.from(now));
                published++;
            } else {
                failed = one;
                update.set(entry + OutboxFields.LAST_ERROR, truncate(one.failure().toString()));
            }
        }
        Duration backoff = null;
        if (published > 0) {
            update.inc(OutboxFields.PENDING, -published);
        }
        if (failed != null) {
            OutboxEntry entry = lease.entries().get(failed.position());
            int attempts = entry.attempts() + 1;
            backoff = backoffAfter(attempts);
            metrics.publishFailed(entry.topic());
            log.warn("publishing event {} ({}) of aggregate {} failed, attempt {}; next try in {}: {}",
                    entry.event().id(), entry.event().type(), lease.aggregateId(), attempts, backoff, failed.failure().toString());
            update.set(OutboxFields.RETRY_AT, Date.from(now.plus(backoff)));
        }
        boolean prune = hasPrunableEntries(lease, published > 0, now);
        if (!prune) {
            update.unset(OutboxFields.LEASE);
        }
        Query ours = Query.query(where("_id").is(lease.aggregateId()).and(OutboxFields.LEASE_TOKEN).is(lease.token()));
        ours.fields().include(OutboxFields.PENDING);
        Duration retryIn = backoff;
        int publishedCount = published;
        Mono<Document> settled = update.getUpdateObject().isEmpty()
                ? mongo.findOne(ours, Document.class, collection)
                : mongo.findAndModify(ours, update, FindAndModifyOptions.options().returnNew(true), Document.class, collection);
        return settled
                .flatMap(after -> {
                    sent.stream().filter(one -> one.failure() == null)
                            .forEach(one -> metrics.published(lease.entries().get(one.position()).topic()));
                    if (retryIn != null) {
                        retryLater(collection, lease.aggregateId(), retryIn);
                    }
                    Mono<Document> released = prune ? releasePruning(collection, lease, now) : Mono.just(after);
                    return released.map(current -> retryIn == null && pendingOf(current) > 0);
                })
                .defaultIfEmpty(false)
                .doOnNext(more -> log.debug("relayed {} event(s) of aggregate {} in {}", publishedCount, lease.aggregateId(), collection));
    }

    /** Published entries older than the retention (or any published now, without retention) are dropped at release. */
    private boolean hasPrunableEntries(Lease lease, boolean publishedNow, Instant now) {
        if (publishedNow && settings.retention().isZero()) {
            return true;
        }
        Instant cutoff = now.minus(settings.retention());
        return lease.entries().stream().anyMatch(entry -> entry.status() == OutboxEntry.Status.PUBLISHED
                && entry.publishedAt() != null && !entry.publishedAt().isAfter(cutoff));
    }

    /** Ends the lease and drops entries published longer ago than the retention, so documents stay small. */
    private Mono<Document> releasePruning(String collection, Lease lease, Instant now) {
        Date cutoff = Date.from(now.minus(settings.retention()));
        Query ours = Query.query(where("_id").is(lease.aggregateId()).and(OutboxFields.LEASE_TOKEN).is(lease.token()));
        ours.fields().include(OutboxFields.PENDING);
        Update update = new Update()
                .unset(OutboxFields.LEASE)
                .pull(OutboxFields.OUTBOX, new Document(OutboxFields.STATUS, OutboxEntry.Status.PUBLISHED.name())
                        .append(OutboxFields.PUBLISHED_AT, new Document("$lte", cutoff)));
        return mongo.findAndModify(ours, update, FindAndModifyOptions.options().returnNew(true), Document.class, collection);
    }

    /** A failed aggregate is handed off again when its backoff is over; if this process dies first, the sweep does it. */
    private void retryLater(String collection, Object aggregateId, Duration backoff) {
        Mono.delay(backoff)
                .filter(tick -> running)
                .subscribe(tick -> handOff(collection, aggregateId));
    }

    Duration backoffAfter(int attempts) {
        long factor = 1L << Math.min(attempts - 1, 20);
        Duration backoff = settings.initialBackoff().multipliedBy(factor);
        return backoff.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : backoff;
    }

    private static String truncate(String message) {
        return message.length() <= MAX_ERROR_LENGTH ? message : message.substring(0, MAX_ERROR_LENGTH);
    }

    @Override
    public void start() {
        Flux.fromIterable(settings.collections())
                .concatMap(collection -> mongo.indexOps(collection).createIndex(new Index(OutboxFields.PENDING, Sort.Direction.ASC)))
                .onErrorResume(e -> {
                    log.warn("could not create the outbox index: {}", e.toString());
                    return Mono.empty();
                })
                .blockLast(Duration.ofSeconds(30));
        running = true;
        sweeps.start();
        drain();
        log.info("outbox relay {} started for collections {}", instanceId, settings.collections());
    }

    @Override
    public void stop() {
        running = false;
        sweeps.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record HandOff(String collection, Object aggregateId) {
    }

    private record Lease(Object aggregateId, String token, List<OutboxEntry> entries) {
    }

    private record Sent(int position, Throwable failure) {
    }
}
