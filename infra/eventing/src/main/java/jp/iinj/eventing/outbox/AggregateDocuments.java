package jp.iinj.eventing.outbox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Update;

/**
 * How an aggregate and its events become one document or one update: what the reactive and the blocking store
 * share, so both write the outbox the same way.
 */
final class AggregateDocuments {

    private final MongoConverter converter;

    AggregateDocuments(MongoConverter converter) {
        this.converter = converter;
    }

    /** A new aggregate's document with its first events. */
    Document newDocument(Object aggregate, List<OutboxEntry> events) {
        Document document = new Document();
        converter.write(aggregate, document);
        document.put(OutboxFields.OUTBOX, events.stream().map(OutboxEntry::toDocument).toList());
        document.put(OutboxFields.PENDING, events.size());
        return document;
    }

    /**
     * Sets the aggregate's mapped fields (unsetting those it no longer has) and appends the events; never replaces
     * the document, so it cannot undo what the relay marked meanwhile.
     *
     * @return the update, and the aggregate's {@code _id}
     */
    StateUpdate stateUpdate(Object aggregate, List<OutboxEntry> events) {
        Document state = new Document();
        converter.write(aggregate, state);
        Object id = state.remove("_id");
        Update update = new Update();
        state.forEach(update::set);
        for (String field : mappedFields(aggregate.getClass())) {
            if (!state.containsKey(field) && !"_id".equals(field)) {
                update.unset(field);
            }
        }
        return new StateUpdate(id, appendingEvents(update, events));
    }

    static Update appendingEvents(Update update, List<OutboxEntry> events) {
        if (!events.isEmpty()) {
            update.push(OutboxFields.OUTBOX).each(events.stream().map(OutboxEntry::toDocument).toArray());
            update.inc(OutboxFields.PENDING, events.size());
        }
        return update;
    }

    /** The {@code _id} of a mapped aggregate. */
    Object idOf(Object aggregate) {
        return converter.getMappingContext().getRequiredPersistentEntity(aggregate.getClass())
                .getIdentifierAccessor(aggregate).getRequiredIdentifier();
    }

    private Set<String> mappedFields(Class<?> type) {
        MongoPersistentEntity<?> entity = converter.getMappingContext().getRequiredPersistentEntity(type);
        Set<String> fields = new HashSet<>();
        entity.doWithProperties((PropertyHandler<MongoPersistentProperty>) property -> fields.add(property.getFieldName()));
        return fields;
    }

    record StateUpdate(Object id, Update update) {
    }
}
