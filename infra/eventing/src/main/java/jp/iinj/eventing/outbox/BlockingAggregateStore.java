package jp.iinj.eventing.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * {@link AggregateStore} for services on the blocking {@code MongoTemplate} (Spring MVC): the same writes, the same
 * single-document atomicity, the same hand-off to the relay after a write that added events.
 */
public class BlockingAggregateStore {

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final AggregateDocuments documents;

    public BlockingAggregateStore(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
        this.documents = new AggregateDocuments(mongo.getConverter());
    }

    /** Inserts a new aggregate with its first events. A duplicate key surfaces as Spring's DuplicateKeyException. */
    public <T> T insert(T aggregate, List<OutboxEntry> events) {
        String collection = mongo.getCollectionName(aggregate.getClass());
        org.bson.Document document = documents.newDocument(aggregate, events);
        mongo.insert(document, collection);
        handOffIf(!events.isEmpty(), collection, document.get("_id"));
        return aggregate;
    }

    /**
     * Replaces the aggregate's state and appends events, provided the stored document still matches {@code guard}.
     *
     * @throws OptimisticLockingFailureException when the guard did not match
     */
    public <T> T update(T aggregate, Criteria guard, List<OutboxEntry> events) {
        String collection = mongo.getCollectionName(aggregate.getClass());
        AggregateDocuments.StateUpdate state = documents.stateUpdate(aggregate, events);
        Query query = Query.query(where("_id").is(state.id()).andOperator(guard));
        if (mongo.updateFirst(query, state.update(), collection).getMatchedCount() != 1) {
            throw new OptimisticLockingFailureException(
                    "aggregate " + state.id() + " in " + collection + " was changed or removed concurrently");
        }
        handOffIf(!events.isEmpty(), collection, state.id());
        return aggregate;
    }

    /**
     * A fine-grained atomic change of one aggregate with the events it causes, in the same single-document write.
     *
     * @return the document before or after the change, as {@code options} say; empty when the query matched none
     *         (then no events were written)
     */
    public <T> Optional<T> findAndModify(Query query, Update update, List<OutboxEntry> events,
                                         FindAndModifyOptions options, Class<T> type) {
        T changed = mongo.findAndModify(query, AggregateDocuments.appendingEvents(update, events), options, type);
        if (changed != null) {
            handOffIf(!events.isEmpty(), mongo.getCollectionName(type), documents.idOf(changed));
        }
        return Optional.ofNullable(changed);
    }

    private void handOffIf(boolean eventsWritten, String collection, Object id) {
        if (eventsWritten) {
            relay.handOff(collection, id);
        }
    }
}
