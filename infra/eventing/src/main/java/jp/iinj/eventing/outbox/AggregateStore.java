package jp.iinj.eventing.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

/**
 * Writes an aggregate's new state together with the events it causes, in ONE single-document write: no
 * multi-document transaction is needed, so this works on every MongoDB, embedded ones included. After a write that
 * added events it hands the aggregate to the {@link OutboxRelay}, which publishes them.
 *
 * <p>{@link BlockingAggregateStore} does the same for services on the blocking {@code MongoTemplate}.
 */
public class AggregateStore {

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final AggregateDocuments documents;

    public AggregateStore(ReactiveMongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
        this.documents = new AggregateDocuments(mongo.getConverter());
    }

    /** Inserts a new aggregate with its first events. A duplicate key surfaces as Spring's DuplicateKeyException. */
    public <T> Mono<T> insert(T aggregate, List<OutboxEntry> events) {
        String collection = mongo.getCollectionName(aggregate.getClass());
        org.bson.Document document = documents.newDocument(aggregate, events);
        return mongo.insert(document, collection)
                .doOnSuccess(saved -> handOffIf(!events.isEmpty(), collection, document.get("_id")))
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
        AggregateDocuments.StateUpdate state = documents.stateUpdate(aggregate, events);
        // _id at the top level, so stores that index only exact-field queries (the embedded one) look it up directly
        Query query = Query.query(where("_id").is(state.id()).andOperator(guard));
        return mongo.updateFirst(query, state.update(), collection)
                .flatMap(result -> result.getMatchedCount() == 1
                        ? Mono.just(aggregate)
                        : Mono.error(new OptimisticLockingFailureException(
                        "aggregate " + state.id() + " in " + collection + " was changed or removed concurrently")))
                .doOnSuccess(saved -> handOffIf(!events.isEmpty(), collection, state.id()));
    }

    /**
     * A fine-grained atomic change of one aggregate ({@code $addToSet}, {@code $inc}, …) with the events it causes,
     * in the same single-document write. The query must select at most one document; never replace it.
     *
     * @return the document before or after the change, as {@code options} say; empty when the query matched none
     *         (then no events were written)
     */
    public <T> Mono<T> findAndModify(Query query, Update update, List<OutboxEntry> events, FindAndModifyOptions options,
                                     Class<T> type) {
        String collection = mongo.getCollectionName(type);
        return mongo.findAndModify(query, AggregateDocuments.appendingEvents(update, events), options, type)
                .doOnNext(changed -> handOffIf(!events.isEmpty(), collection, documents.idOf(changed)));
    }

    private void handOffIf(boolean eventsWritten, String collection, Object id) {
        if (eventsWritten) {
            relay.handOff(collection, id);
        }
    }
}
