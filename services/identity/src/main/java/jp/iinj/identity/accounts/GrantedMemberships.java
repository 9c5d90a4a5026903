package jp.iinj.identity.accounts;

import java.time.Clock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * Organisations known to be approved ({@code granted_memberships}). The owner designation and the approval arrive
 * on different topics, so in either order: {@link Accounts#grantMembership} records the approval before it looks
 * for pending owners, and {@link Accounts#designateOwner} looks here after it made the owner pending.
 */
@Component
class GrantedMemberships {

    static final String COLLECTION = "granted_memberships";

    private final MongoTemplate mongo;
    private final Clock clock;

    GrantedMemberships(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    void record(String memberId) {
        if (isGranted(memberId)) {
            return;
        }
        try {
            mongo.insert(new GrantedMembership(memberId, clock.instant()), COLLECTION);
        } catch (DuplicateKeyException alreadyThere) {
            // recorded concurrently: fine
        }
    }

    boolean isGranted(String memberId) {
        return mongo.findById(memberId, GrantedMembership.class, COLLECTION) != null;
    }

    @Document(COLLECTION)
    record GrantedMembership(@Id String memberId, java.time.Instant grantedAt) {
    }
}
