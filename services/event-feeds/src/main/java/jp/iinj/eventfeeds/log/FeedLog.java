package jp.iinj.eventfeeds.log;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import jp.iinj.eventing.cloudevents.EventMetadata;
import jp.iinj.eventing.consumer.PoisonEventException;
import jp.iinj.eventing.consumer.ReceivedEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log of every public event, in the order each partition gave them: what pulls, streams and deliveries read. One
 * insert per event, idempotent by the event's id; its position is the order readers follow.
 */
@Service
public class FeedLog {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public FeedLog(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Logs an event as received; a second delivery of the same event (same id) is ignored. */
    public Mono<FeedEvent> append(ReceivedEvent<byte[]> event) {
        EventMetadata metadata = event.metadata();
        if (!isJson(event.data())) {
            // every batch holding it would be broken JSON; types the catalogue declares are schema-checked already
            return Mono.error(new PoisonEventException("data of " + metadata.type() + " is not JSON"));
        }
        FeedEvent logged = new FeedEvent(metadata.id(), event.position().topic(), event.position().partition(),
                event.position().offset(), metadata.subject(), metadata.type(), metadata.source(), metadata.subject(),
                metadata.time(), metadata.dataSchema(), "application/json", metadata.bureau(), metadata.prefecture(),
                metadata.cluster(), event.data(), clock.instant());
        return mongo.insert(logged).onErrorResume(DuplicateKeyException.class, already -> Mono.empty());
    }

    /**
     * Up to {@code limit} events after {@code cursor} that {@code scope} may see, partition by partition in offset
     * order, and the cursor after them.
     */
    public Mono<FeedPage> after(FeedCursor cursor, FeedScope scope, int limit) {
        List<Criteria> criteria = new ArrayList<>();
        scope.criteria().ifPresent(criteria::add);
        positionAfter(cursor).ifPresent(criteria::add);
        Query query = Query.query(criteria.isEmpty() ? new Criteria()
                        : new Criteria().andOperator(criteria.toArray(Criteria[]::new)))
                .with(Sort.by("topic", "partition", "offset")).limit(limit);
        return mongo.find(query, FeedEvent.class).collectList().map(events -> {
            FeedCursor next = cursor;
            for (FeedEvent event : events) {
                next = next.after(event);
            }
            return new FeedPage(events, next);
        });
    }

    public Mono<FeedEvent> event(String eventId) {
        return mongo.findById(eventId, FeedEvent.class);
    }

    /**
     * The events {@code scope} may see whose CloudEvents {@code time} is within [from, to], in log order, at most
     * {@code limit} of them (for replays).
     */
    public Flux<FeedEvent> between(Instant from, Instant to, FeedScope scope, int limit) {
        Criteria criteria = where("time").gte(from).lte(to);
        if (scope.criteria().isPresent()) {
            criteria = new Criteria().andOperator(criteria, scope.criteria().get());
        }
        return mongo.find(Query.query(criteria).with(Sort.by("topic", "partition", "offset")).limit(limit),
                FeedEvent.class);
    }

    /**
     * The cursor after the last event logged so far, for a reader that wants only what happens from now on. Every
     * partition's last offset, whatever the scope: a cursor is a position, the scope filters what is read after it.
     */
    public Mono<FeedCursor> end(FeedScope scope) {
        var lastOffsets = Aggregation.newAggregation(
                Aggregation.group("topic", "partition").max("offset").as("offset"));
        return mongo.aggregate(lastOffsets, FeedEvent.COLLECTION, Document.class)
                .collectMap(row -> {
                    Document id = row.get("_id", Document.class);
                    return FeedCursor.partitionOf(id.getString("topic"), ((Number) id.get("partition")).intValue());
                }, row -> ((Number) row.get("offset")).longValue())
                .map(FeedCursor::new);
    }

    /** Events past the cursor's offset in the partitions it names, and every event of the partitions it does not. */
    private static Optional<Criteria> positionAfter(FeedCursor cursor) {
        if (cursor.lastOffsets().isEmpty()) {
            return Optional.empty();
        }
        List<Criteria> after = new ArrayList<>();
        List<Criteria> named = new ArrayList<>();
        for (Map.Entry<String, Long> entry : cursor.lastOffsets().entrySet()) {
            int colon = entry.getKey().lastIndexOf(':');
            String topic = entry.getKey().substring(0, colon);
            int partition = Integer.parseInt(entry.getKey().substring(colon + 1));
            after.add(where("topic").is(topic).and("partition").is(partition).and("offset").gt(entry.getValue()));
            named.add(where("topic").is(topic).and("partition").is(partition));
        }
        after.add(new Criteria().norOperator(named.toArray(Criteria[]::new)));
        return Optional.of(new Criteria().orOperator(after.toArray(Criteria[]::new)));
    }

    private static boolean isJson(byte[] data) {
        try {
            // one JSON value and nothing after it
            return data != null && !JSON.readTree(data).isMissingNode();
        } catch (JacksonException notJson) {
            return false;
        }
    }

    /** A page of the log and where the next one starts. */
    public record FeedPage(List<FeedEvent> events, FeedCursor next) {
    }
}
