package jp.iinj.identity.accounts;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What identity knows of organisations' memberships ({@code granted_memberships}): whether one was approved
 * ({@code grantedAt}), and its standing: {@code active} or not since {@code standingSince}, the time of the registry's
 * event that set it. A standing changes only for a newer event, so a stale or repeated event never overrides it.
 * <p>
 * The owner designation and the approval arrive on different topics, so in either order: {@link Accounts#grantMembership}
 * records the approval before it looks for pending owners, and {@link Accounts#designateOwner} looks here after it
 * made the owner pending. An organisation without a document (taken over from a regional body's list) is active.
 */
@Component
class GrantedMemberships {

    static final String COLLECTION = "granted_memberships";
    private static final String ID = "_id";
    private static final String GRANTED_AT = "grantedAt";
    private static final String ACTIVE = "active";
    private static final String STANDING_SINCE = "standingSince";

    private final MongoTemplate mongo;

    GrantedMemberships(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The organisation was approved at {@code approvedAt}: granted, and active unless a newer event says otherwise. */
    void recordApproval(String memberId, Instant approvedAt) {
        changeStanding(memberId, true, approvedAt);
        mongo.updateFirst(Query.query(Criteria.where(ID).is(memberId).and(GRANTED_AT).exists(false)),
                new Update().set(GRANTED_AT, approvedAt), COLLECTION);
    }

    boolean isGranted(String memberId) {
        return mongo.exists(Query.query(Criteria.where(ID).is(memberId).and(GRANTED_AT).exists(true)), COLLECTION);
    }

    /** Whether an event of {@code at} would change the standing: no event as recent is known. */
    boolean isNewerStanding(String memberId, Instant at) {
        return !mongo.exists(Query.query(Criteria.where(ID).is(memberId).and(STANDING_SINCE).gte(at)), COLLECTION);
    }

    /**
     * Sets the standing, if no event as recent set it already.
     *
     * @return whether it changed
     */
    boolean changeStanding(String memberId, boolean active, Instant at) {
        Query olderOrNone = Query.query(Criteria.where(ID).is(memberId).orOperator(
                Criteria.where(STANDING_SINCE).exists(false), Criteria.where(STANDING_SINCE).lt(at)));
        try {
            var result = mongo.upsert(olderOrNone, new Update().set(ACTIVE, active).set(STANDING_SINCE, at), COLLECTION);
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException newerStanding) {
            // the document exists with a standing at least as recent: the upsert tried to insert a second one
            return false;
        }
    }

    boolean isActive(String memberId) {
        return inactiveAmong(Set.of(memberId)).isEmpty();
    }

    /** Those of {@code memberIds} that are not active members now (suspended, withdrawn, lapsed, rejected). */
    Set<String> inactiveAmong(Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return Set.of();
        }
        Query inactive = Query.query(Criteria.where(ID).in(memberIds).and(ACTIVE).is(false));
        inactive.fields().include(ID);
        return mongo.find(inactive, Document.class, COLLECTION).stream()
                .map(document -> document.getString(ID))
                .collect(Collectors.toUnmodifiableSet());
    }
}
