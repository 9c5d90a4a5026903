package jp.iinj.eventing.consumer;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.Date;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import reactor.core.publisher.Mono;

/** The consumer's own record of which event ids each subscription has applied, in the service's database. */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public ProcessedEvents(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Mono<Boolean> contains(String consumerGroup, String eventId) {
        return mongo.exists(Query.query(where("_id").is(key(consumerGroup, eventId))), COLLECTION);
    }

    public Mono<Void> record(String consumerGroup, String eventId, String type) {
        Document processed = new Document("_id", key(consumerGroup, eventId))
                .append("consumerGroup", consumerGroup)
                .append("eventId", eventId)
                .append("type", type)
                .append("processedAt", Date.from(clock.instant()));
        return mongo.insert(processed, COLLECTION)
                .onErrorResume(DuplicateKeyException.class, alreadyRecorded -> Mono.empty())
                .then();
    }

    private static String key(String consumerGroup, String eventId) {
        return consumerGroup + "/" + eventId;
    }
}
