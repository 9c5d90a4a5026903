package jp.iinj.eventing.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Date;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import jp.iinj.embeddedmongodb.ExaminedDocuments;
import jp.iinj.testing.infrastructure.TestInfrastructure;

/**
 * Counts the documents MongoDB read in one collection from now on: the embedded server's own count, or a real
 * server's profiler ({@code docsExamined} of every operation on the collection).
 */
final class DocumentsExamined {

    private final ReactiveMongoTemplate mongo;
    private final String collection;
    private final String database;
    private final ExaminedDocuments embedded;
    private final long embeddedAtStart;
    private final Date startedAt;

    private DocumentsExamined(ReactiveMongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
        this.database = mongo.getMongoDatabase().block().getName();
        this.embedded = TestInfrastructure.shared().embeddedExaminedDocuments().orElse(null);
        this.embeddedAtStart = embedded == null ? 0 : embedded.count(database, collection);
        this.startedAt = new Date();
        if (embedded == null) {
            mongo.executeCommand(new Document("profile", 2)).block();
        }
    }

    static DocumentsExamined in(ReactiveMongoTemplate mongo, String collection) {
        return new DocumentsExamined(mongo, collection);
    }

    long sinceStart() {
        if (embedded != null) {
            return embedded.count(database, collection) - embeddedAtStart;
        }
        Query operations = Query.query(where("ns").is(database + "." + collection).and("ts").gte(startedAt));
        return mongo.find(operations, Document.class, "system.profile")
                .map(operation -> operation.get("docsExamined") instanceof Number examined ? examined.longValue() : 0L)
                .reduce(0L, Long::sum)
                .block();
    }
}
