package jp.iinj.eventing.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

/**
 * Writes an aggregate's new state together with the events it causes, in ONE single-document write: no
 * multi-document transaction is needed, so this works on every MongoDB, embedded ones included.
 *
 * <p>Updates set the aggregate's mapped fields and push onto the outbox; they never replace the document, so they
 * cannot undo what the relay has marked published meanwhile.
 */
public class AggregateStore {

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;

    public AggregateStore(ReactiveMongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /** Inserts a new aggregate with its first events. A duplicate key surfaces as Spring's DuplicateKeyException. */
    public <T> Mono<T> insert(T aggregate, List<OutboxEntry> events) {
        String collection = mongo.getCollectionName(aggregate.getClass());
        Document document = new Document();
        mongo.getConverter().write(aggregate, document);
        document.put(OutboxFields.OUTBOX, events.stream().map(OutboxEntry::toDocument).toList());
        document.put(OutboxFields.PENDING, events.size());
        return mongo.insert(document, collection)
                .doOnSuccess(saved -> wakeRelayIf(!events.isEmpty()))
                .thenReturn(aggregate);
    }

    /**
     * Replaces the aggregate's state and appends events, provided the stored document still matches {@code guard}
     * (typically its expected revision).
     *
     * @return the aggregate, or an {@link OptimisticLockingFailureException} when the guard did not match
     */
    public <T> Mono<T> update(T aggregate, Criteria guard, List<OutboxEntry> events) {
        String collection = mongo.getCollectionName(aggregate.getClass());
        Document state = new Document();
        mongo.getConverter().write(aggregate, state);
        Object id = state.remove("_id");
        Update update = new Update();
        state.forEach(update::set);
        for (String field : mappedFields(aggregate.getClass())) {
            if (!state.containsKey(field) && !"_id".equals(field)) {
                update.unset(field);
            }
        }
        appendingEvents(update, events);
        // _id at the top level, so stores that index only exact-field queries (the embedded one) look it up directly
        Query query = Query.query(where("_id").is(id).andOperator(guard));
        return mongo.updateFirst(query, update, collection)
                .flatMap(result -> result.getMatchedCount() == 1
                        ? Mono.just(aggregate)
                        : Mono.error(new OptimisticLockingFailureException(
                        "aggregate " + id + " in " + collection + " was changed or removed concurrently")))
                .doOnSuccess(saved -> wakeRelayIf(!events.isEmpty()));
    }

    /**
     * Adds events to an update of an aggregate's document, for stores that change their aggregates with fine-grained
     * atomic updates of their own (a Spring MVC service on the blocking {@code MongoTemplate}, say): the events then
     * commit in that same single-document write. Wake the relay ({@link OutboxRelay#wakeUp()}) after the write, and
     * list the collection in {@code iinj.eventing.outbox.collections}. Such stores must never replace the document.
     */
    public static Update appendingEvents(Update update, List<OutboxEntry> events) {
        if (!events.isEmpty()) {
            update.push(OutboxFields.OUTBOX).each(events.stream().map(OutboxEntry::toDocument).toArray());
            update.inc(OutboxFields.PENDING, events.size());
        }
        return update;
    }

    private Set<String> mappedFields(Class<?> type) {
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
        Set<String> fields = new HashSet<>();
        entity.doWithProperties((org.springframework.data.mapping.PropertyHandler<org.springframework.data.mongodb.core.mapping.MongoPersistentProperty>) property -> fields.add(property.getFieldName()));
        return fields;
    }

    private void wakeRelayIf(boolean eventsWritten) {
        if (eventsWritten) {
            relay.wakeUp();
        }
    }
}
