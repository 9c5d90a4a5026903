package jp.iinj.eventing.consumer;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

import jp.iinj.eventing.configuration.EventingProperties;
import jp.iinj.eventing.scheduling.PeriodicTask;
import reactor.core.publisher.Mono;

/**
 * The consumer's own record of which event ids each subscription has applied, in the service's database. An id is
 * remembered for {@code processed-retention} (30 days), longer than any topic keeps its records, so a redelivery is
 * always recognised and the collection stays bounded.
 *
 * <p>Expired ids are removed twice over: a TTL index on {@code processedAt} (a real MongoDB's TTL monitor removes them
 * within about a minute) and a sweep every {@code processed-sweep-interval}, which the embedded MongoDB needs (it
 * accepts the index but never expires anything). The sweep is one idempotent delete, safe with several instances.
 */
public class ProcessedEvents implements SmartLifecycle {

    static final String COLLECTION = "processed_events";
    static final String PROCESSED_AT = "processedAt";

    private static final Logger log = LoggerFactory.getLogger(ProcessedEvents.class);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Duration retention;
    private final PeriodicTask sweeps;

    public ProcessedEvents(ReactiveMongoTemplate mongo, Clock clock, EventingProperties.Consumers settings) {
        this.mongo = mongo;
        this.clock = clock;
        this.retention = settings.processedRetention();
        this.sweeps = new PeriodicTask("removing expired processed event ids", settings.processedSweepInterval(),
                settings.processedSweepInterval(), this::removeExpired);
    }

    public Mono<Boolean> contains(String consumerGroup, String eventId) {
        return mongo.exists(Query.query(where("_id").is(key(consumerGroup, eventId))), COLLECTION);
    }

    public Mono<Void> record(String consumerGroup, String eventId, String type) {
        Document processed = new Document("_id", key(consumerGroup, eventId))
                .append("consumerGroup", consumerGroup)
                .append("eventId", eventId)
                .append("type", type)
                .append(PROCESSED_AT, Date.from(clock.instant()));
        return mongo.insert(processed, COLLECTION)
                .onErrorResume(DuplicateKeyException.class, alreadyRecorded -> Mono.empty())
                .then();
    }

    /** Deletes the ids recorded longer ago than the retention. @return how many */
    public Mono<Long> removeExpired() {
        Date cutoff = Date.from(clock.instant().minus(retention));
        return mongo.remove(Query.query(where(PROCESSED_AT).lt(cutoff)), COLLECTION)
                .map(result -> result.getDeletedCount());
    }

    private static String key(String consumerGroup, String eventId) {
        return consumerGroup + "/" + eventId;
    }

    @Override
    public void start() {
        mongo.indexOps(COLLECTION)
                .createIndex(new Index(PROCESSED_AT, Sort.Direction.ASC).named("processed_expiry").expire(retention))
                // in the background: consumers need not wait for it, and the sweep removes expired ids regardless
                .subscribe(created -> { }, e -> log.warn(
                        "could not create the TTL index on {}.{} (an index of another retention? drop it to change): {}",
                        COLLECTION, PROCESSED_AT, e.toString()));
        sweeps.start();
    }

    @Override
    public void stop() {
        sweeps.stop();
    }

    @Override
    public boolean isRunning() {
        return sweeps.isRunning();
    }
}
