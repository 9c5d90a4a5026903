package jp.iinj.identity.signinthrottle;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code sign_in_failures} collection: one document per counted key and time window ({@code _id} = the key's
 * digest and the window's number), its {@code failures} raised with an atomic upsert, so that every instance counts
 * into the same document. {@code expiresAt} drives a TTL index on MongoDB (the embedded server keeps them).
 */
@Component
class SignInFailureStore implements InitializingBean {

    static final String COLLECTION = "sign_in_failures";

    private static final Logger log = LoggerFactory.getLogger(SignInFailureStore.class);

    private final MongoTemplate mongo;

    SignInFailureStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        try {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(0).named("expires_at_ttl"));
        } catch (RuntimeException notSupported) {
            log.warn("No TTL index on {}.expiresAt ({}): old counts are not deleted automatically", COLLECTION,
                    notSupported.getMessage());
        }
    }

    /** The failures counted so far under each of these ids; absent ids have none. */
    Map<String, Integer> failures(Collection<String> ids) {
        Map<String, Integer> counted = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION)
                .forEach(document -> counted.put(document.getString("_id"), document.getInteger("failures", 0)));
        return counted;
    }

    void countFailure(String id, Instant expiresAt) {
        Query query = Query.query(Criteria.where("_id").is(id));
        Update update = new Update().inc("failures", 1).setOnInsert("expiresAt", expiresAt);
        try {
            mongo.upsert(query, update, COLLECTION);
        } catch (DuplicateKeyException insertedConcurrently) {
            // two instances inserted the window's document at once: it exists now, count into it
            mongo.updateFirst(query, new Update().inc("failures", 1), COLLECTION);
        }
    }
}
