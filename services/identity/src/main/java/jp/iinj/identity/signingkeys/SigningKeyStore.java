package jp.iinj.identity.signingkeys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The {@code signing_keys} collection; every change is one atomic single-document write. */
@Component
class SigningKeyStore implements InitializingBean {

    private final MongoTemplate mongo;

    SigningKeyStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        // at most one document holds the "active" slot (partial indexes would do it too, but mongo-java-server,
        // used by tests and the local platform, has none; unique sparse indexes work on both)
        mongo.indexOps(SigningKey.COLLECTION).createIndex(
                new Index().on("activeSlot", Sort.Direction.ASC).unique().sparse().named("one_active_key"));
    }

    List<SigningKey> findAll() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")), SigningKey.class);
    }

    Optional<SigningKey> findActive() {
        return Optional.ofNullable(mongo.findOne(
                Query.query(Criteria.where("activeSlot").is(SigningKey.ACTIVE_SLOT)), SigningKey.class));
    }

    /**
     * Inserts a new ACTIVE key.
     *
     * @throws DuplicateKeyException when another key holds the active slot
     */
    void insertActive(SigningKey key) {
        mongo.insert(key);
    }

    /** ACTIVE → RETIRED, if {@code kid} is still the active key; false if someone else rotated it first. */
    boolean retire(String kid, Instant now) {
        return mongo.findAndModify(
                Query.query(Criteria.where("_id").is(kid).and("activeSlot").is(SigningKey.ACTIVE_SLOT)),
                new Update().unset("activeSlot").set("status", SigningKeyStatus.RETIRED.name()).set("retiredAt", now),
                FindAndModifyOptions.options().returnNew(true),
                SigningKey.class) != null;
    }

    /**
     * Replaces a private key stored in the clear by its sealed form, in one single-document write; nothing happens
     * when another instance sealed it first.
     */
    void seal(String kid, String clearPrivateKey, SealedPrivateKey sealed) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(kid).and("privateKey").is(clearPrivateKey)),
                new Update().set("sealedPrivateKey", sealed).unset("privateKey"), SigningKey.class);
    }

    /** Deletes retired keys retired before {@code instant}; their tokens have all expired. */
    long deleteRetiredBefore(Instant instant) {
        return mongo.remove(Query.query(Criteria.where("status").is(SigningKeyStatus.RETIRED.name())
                .and("retiredAt").lt(instant)), SigningKey.class).getDeletedCount();
    }
}
