package jp.iinj.identity.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.eventing.outbox.BlockingAggregateStore;
import jp.iinj.eventing.outbox.OutboxEntry;
import org.bson.Document;

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

/**
 * The {@code accounts} collection. Every change is one atomic single-document write ({@code findAndModify},
 * conditional updates), so it works without transactions (the embedded MongoDB has none) and with several
 * instances of the service. Changes of {@code memberIds} carry their {@code identity.member-people.v1} event in
 * the same write: the documents hold an outbox (eventing library) that the relay publishes, so documents are
 * never replaced.
 */
@Component
public class AccountStore implements InitializingBean {

    static final String ID = "_id";
    static final String EMAIL = "email";
    static final String DISPLAY_NAME = "displayName";
    static final String PASSWORD_HASH = "passwordHash";
    static final String ROLES = "roles";
    static final String MEMBER_IDS = "memberIds";
    static final String PENDING_MEMBER_IDS = "pendingMemberIds";
    static final String BUREAUS = "bureaus";
    static final String STATUS = "status";
    static final String FAILED_LOGINS = "failedLogins";
    static final String LOCKED_UNTIL = "lockedUntil";
    static final String REVISION = "revision";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    static final String SESSIONS_VALID_FROM = "sessionsValidFrom";

    private final MongoTemplate mongo;
    private final BlockingAggregateStore aggregates;
    private final Clock clock;

    public AccountStore(MongoTemplate mongo, BlockingAggregateStore aggregates, Clock clock) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(Account.COLLECTION);
        indexes.createIndex(new Index().on(EMAIL, Sort.Direction.ASC).unique().named("email_unique"));
        indexes.createIndex(new Index().on(PENDING_MEMBER_IDS, Sort.Direction.ASC).named("pending_member_ids"));
        indexes.createIndex(new Index().on(ROLES, Sort.Direction.ASC).named("roles"));
        indexes.createIndex(new Index().on(MEMBER_IDS, Sort.Direction.ASC).named("member_ids"));
    }

    public Optional<Account> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Account.class));
    }

    public Optional<Account> findByEmail(String normalisedEmail) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where(EMAIL).is(normalisedEmail)), Account.class));
    }

    public boolean anyWithRole(PlatformRole role) {
        return mongo.exists(Query.query(Criteria.where(ROLES).is(role.name())), Account.class);
    }

    /** The accounts with any of these roles, by e-mail, at most {@code limit} (the roles index serves it). */
    public List<Account> findWithAnyRole(Collection<PlatformRole> roles, int limit) {
        Query query = Query.query(Criteria.where(ROLES).in(roles.stream().map(PlatformRole::name).toList()))
                .with(Sort.by(EMAIL)).limit(limit);
        return mongo.find(query, Account.class);
    }

    /** The accounts with this role that cover this bureau (the roles index serves it). */
    public List<Account> findWithRoleCovering(PlatformRole role, String bureau) {
        return mongo.find(Query.query(Criteria.where(ROLES).is(role.name()).and(BUREAUS).is(bureau)), Account.class);
    }

    public List<Account> findWithPendingMember(String memberId) {
        return mongo.find(Query.query(Criteria.where(PENDING_MEMBER_IDS).is(memberId)), Account.class);
    }

    public List<Account> findWithMember(String memberId) {
        return mongo.find(Query.query(Criteria.where(MEMBER_IDS).is(memberId)), Account.class);
    }

    /** Sign-in sessions that began before this instant are over (it only moves forward). */
    void endSessionsBefore(String accountId, Instant instant) {
        mongo.updateFirst(Query.query(Criteria.where(ID).is(accountId)),
                new Update().max(SESSIONS_VALID_FROM, instant).set(UPDATED_AT, clock.instant()).inc(REVISION, 1),
                Account.class);
    }

    /** When the account's sign-in sessions must have begun to count, if they were ever ended. */
    Optional<Instant> sessionsValidFrom(String accountId) {
        Query query = Query.query(Criteria.where(ID).is(accountId));
        query.fields().include(SESSIONS_VALID_FROM);
        Document document = mongo.findOne(query, Document.class, Account.COLLECTION);
        return Optional.ofNullable(document).map(found -> found.getDate(SESSIONS_VALID_FROM)).map(Date::toInstant);
    }

    /**
     * Inserts a new account.
     *
     * @throws DuplicateKeyException when the e-mail is taken
     */
    public Account insert(String normalisedEmail, String displayName, Collection<PlatformRole> roles,
                          Collection<String> memberIds, Collection<String> bureaus, AccountStatus status) {
        Instant now = clock.instant();
        return mongo.insert(new Account(UUID.randomUUID().toString(), normalisedEmail, displayName, null,
                java.util.Set.copyOf(roles), java.util.Set.copyOf(memberIds), java.util.Set.of(),
                java.util.Set.copyOf(bureaus), status, 0, null, 1, now, now));
    }

    /**
     * The account of this e-mail, created PENDING if there is none, with {@code memberId} among its pending
     * organisations.
     *
     * @throws DuplicateKeyException when a concurrent call created the account first (retry)
     */
    Account upsertPendingOwner(String normalisedEmail, String displayName, String memberId) {
        Instant now = clock.instant();
        Update update = new Update()
                .setOnInsert(ID, UUID.randomUUID().toString())
                .setOnInsert(DISPLAY_NAME, displayName)
                .setOnInsert(STATUS, AccountStatus.PENDING.name())
                .setOnInsert(ROLES, List.of())
                .setOnInsert(MEMBER_IDS, List.of())
                .setOnInsert(BUREAUS, List.of())
                .setOnInsert(FAILED_LOGINS, 0)
                .setOnInsert(CREATED_AT, now)
                .addToSet(PENDING_MEMBER_IDS, memberId)
                .set(UPDATED_AT, now)
                .inc(REVISION, 1);
        return mongo.findAndModify(Query.query(Criteria.where(EMAIL).is(normalisedEmail)), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Account.class);
    }

    /**
     * Moves {@code memberId} from pending to granted and adds the MEMBER role, if it is still pending; the events
     * are written with the change, so only when it happens.
     *
     * @return the account as it was before, or empty when the organisation was not (or no longer) pending
     */
    Optional<Account> moveToGranted(String accountId, String memberId, List<OutboxEntry> events) {
        Update update = new Update()
                .pull(PENDING_MEMBER_IDS, memberId)
                .addToSet(MEMBER_IDS, memberId)
                .addToSet(ROLES, PlatformRole.MEMBER.name())
                .set(UPDATED_AT, clock.instant())
                .inc(REVISION, 1);
        return aggregates.findAndModify(
                Query.query(Criteria.where(ID).is(accountId).and(PENDING_MEMBER_IDS).is(memberId)),
                update, events, FindAndModifyOptions.options().returnNew(false), Account.class);
    }

    /**
     * Adds an organisation (and the MEMBER role) to an account that does not act for it yet, with the events of the
     * change.
     *
     * @return the account as it is now, or empty when it acted for the organisation already (or does not exist)
     */
    Optional<Account> addMembership(String accountId, String memberId, List<OutboxEntry> events) {
        Update update = new Update()
                .addToSet(MEMBER_IDS, memberId)
                .addToSet(ROLES, PlatformRole.MEMBER.name())
                .pull(PENDING_MEMBER_IDS, memberId)
                .set(UPDATED_AT, clock.instant())
                .inc(REVISION, 1);
        return aggregates.findAndModify(
                Query.query(Criteria.where(ID).is(accountId).and(MEMBER_IDS).ne(memberId)),
                update, events, FindAndModifyOptions.options().returnNew(true), Account.class);
    }

    /**
     * Takes an organisation from an account that acts for it, with the events of the change. The MEMBER role stays:
     * without the organisation in {@code member_ids} it grants nothing.
     *
     * @return the account as it is now, or empty when it did not act for the organisation (or does not exist)
     */
    Optional<Account> removeMembership(String accountId, String memberId, List<OutboxEntry> events) {
        Update update = new Update()
                .pull(MEMBER_IDS, memberId)
                .set(UPDATED_AT, clock.instant())
                .inc(REVISION, 1);
        return aggregates.findAndModify(
                Query.query(Criteria.where(ID).is(accountId).and(MEMBER_IDS).is(memberId)),
                update, events, FindAndModifyOptions.options().returnNew(true), Account.class);
    }

    /** PENDING → ACTIVE; false if the account was not PENDING (someone else did it, or it is DISABLED). */
    boolean activatePending(String accountId) {
        return mongo.updateFirst(
                Query.query(Criteria.where(ID).is(accountId).and(STATUS).is(AccountStatus.PENDING.name())),
                new Update().set(STATUS, AccountStatus.ACTIVE.name()).set(UPDATED_AT, clock.instant()).inc(REVISION, 1),
                Account.class).getModifiedCount() == 1;
    }

    /** Adds a role to the account of this e-mail if it lacks it; the account as it was, if changed. */
    Optional<Account> grantRole(String normalisedEmail, PlatformRole role) {
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(Criteria.where(EMAIL).is(normalisedEmail).and(ROLES).ne(role.name())),
                new Update().addToSet(ROLES, role.name()).set(UPDATED_AT, clock.instant()).inc(REVISION, 1),
                FindAndModifyOptions.options().returnNew(false), Account.class));
    }

    /** Sets the password hash; also clears the lockout (the person proved control of the mailbox). */
    boolean setPasswordHash(String accountId, String passwordHash) {
        return mongo.updateFirst(Query.query(Criteria.where(ID).is(accountId)),
                new Update().set(PASSWORD_HASH, passwordHash).set(FAILED_LOGINS, 0).unset(LOCKED_UNTIL)
                        .set(UPDATED_AT, clock.instant()).inc(REVISION, 1),
                Account.class).getModifiedCount() == 1;
    }

    /** Re-encodes a hash (encoder upgrade) only if the old one is still in place. */
    boolean upgradePasswordHash(String accountId, String oldHash, String newHash) {
        return mongo.updateFirst(Query.query(Criteria.where(ID).is(accountId).and(PASSWORD_HASH).is(oldHash)),
                new Update().set(PASSWORD_HASH, newHash).set(UPDATED_AT, clock.instant()).inc(REVISION, 1),
                Account.class).getModifiedCount() == 1;
    }

    /** Sets the display name and makes a PENDING account ACTIVE (an invitation proved the mailbox). */
    Optional<Account> activateInvited(String accountId, String displayName) {
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(Criteria.where(ID).is(accountId).and(STATUS).ne(AccountStatus.DISABLED.name())),
                new Update().set(DISPLAY_NAME, displayName).set(STATUS, AccountStatus.ACTIVE.name())
                        .set(UPDATED_AT, clock.instant()).inc(REVISION, 1),
                FindAndModifyOptions.options().returnNew(true), Account.class));
    }

    // ---- lockout -----------------------------------------------------------------------------------------------

    /** One more failed sign-in of an active account; the account after the change, if there is one. */
    Optional<Account> incrementFailedLogins(String normalisedEmail) {
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(Criteria.where(EMAIL).is(normalisedEmail).and(STATUS).is(AccountStatus.ACTIVE.name())),
                new Update().inc(FAILED_LOGINS, 1),
                FindAndModifyOptions.options().returnNew(true), Account.class));
    }

    /** Locks the account if it reached {@code maxFailures} (and nobody locked it meanwhile); restarts the count. */
    boolean lockIfReached(String accountId, int maxFailures, Duration coolDown) {
        Instant now = clock.instant();
        return mongo.updateFirst(
                Query.query(Criteria.where(ID).is(accountId).and(FAILED_LOGINS).gte(maxFailures)),
                new Update().set(LOCKED_UNTIL, now.plus(coolDown)).set(FAILED_LOGINS, 0).set(UPDATED_AT, now)
                        .inc(REVISION, 1),
                Account.class).getModifiedCount() == 1;
    }

    /** A successful sign-in: the count starts again. */
    void resetFailedLogins(String accountId) {
        mongo.updateFirst(
                Query.query(Criteria.where(ID).is(accountId)
                        .orOperator(Criteria.where(FAILED_LOGINS).gt(0), Criteria.where(LOCKED_UNTIL).ne(null))),
                new Update().set(FAILED_LOGINS, 0).unset(LOCKED_UNTIL),
                Account.class);
    }
}
