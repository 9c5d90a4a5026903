package jp.iinj.memberregistry.people;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import jp.iinj.contracts.identity.PersonJoinedMemberV1;
import jp.iinj.contracts.identity.PersonLeftMemberV1;
import jp.iinj.eventing.consumer.PoisonEventException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code organisation_people} collection: built from the identity service's {@code identity.member-people.v1}
 * events, read by the API. Applying an event is idempotent (the same event twice gives the same document) and an
 * event older than the last one applied to the person is ignored, so a late or replayed one cannot undo a newer one.
 * Every write is one single-document update that never replaces the document (it may hold an outbox).
 */
@Component
public class OrganisationPeople {

    private static final Logger log = LoggerFactory.getLogger(OrganisationPeople.class);
    /** Member ids are the registry's UUIDs, subjects identity's; both stay well within this. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    static final String MEMBER_ID = "memberId";
    static final String SUBJECT = "subject";
    static final String ROLE = "role";
    static final String DISPLAY_NAME = "displayName";
    static final String EMAIL = "email";
    static final String JOINED_AT = "joinedAt";
    static final String STATUS = "status";
    static final String REMOVAL_REQUESTED_AT = "removalRequestedAt";
    static final String LEFT_AT = "leftAt";
    static final String IDENTITY_EVENT_AT = "identityEventAt";
    static final String REVISION = "revision";

    private final ReactiveMongoTemplate mongo;

    public OrganisationPeople(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Whether a value from outside (path, event) can be an id at all; anything else never reaches a query. */
    public static boolean plausibleId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /** The people who have not left: the owner first, then staff in the order they joined. */
    public Flux<OrganisationPerson> current(String memberId) {
        Query query = Query.query(where(MEMBER_ID).is(memberId).and(STATUS).ne(PersonStatus.LEFT.name()))
                .with(Sort.by(ROLE, JOINED_AT, SUBJECT));
        return mongo.find(query, OrganisationPerson.class);
    }

    /** The person, unless they left. */
    public Mono<OrganisationPerson> current(String memberId, String subject) {
        return mongo.findOne(Query.query(where(MEMBER_ID).is(memberId).and(SUBJECT).is(subject)
                .and(STATUS).ne(PersonStatus.LEFT.name())), OrganisationPerson.class);
    }

    /**
     * The person acts for the organisation: ACTIVE with the role, name and e-mail identity states.
     *
     * @throws PoisonEventException (as the error of the Mono) for an event that can never be applied
     */
    public Mono<Void> joined(PersonJoinedMemberV1 event) {
        return Mono.defer(() -> {
            requireIdentified(event.memberId(), event.subject());
            if (event.role() == null || event.joinedAt() == null) {
                throw new PoisonEventException("role and joinedAt are required");
            }
            Update update = new Update()
                    .set(ROLE, event.role().name())
                    .set(JOINED_AT, event.joinedAt())
                    .set(STATUS, PersonStatus.ACTIVE.name())
                    .set(IDENTITY_EVENT_AT, event.joinedAt())
                    .unset(REMOVAL_REQUESTED_AT)
                    .unset(LEFT_AT)
                    .inc(REVISION, 1);
            setOrUnset(update, DISPLAY_NAME, event.displayName());
            setOrUnset(update, EMAIL, event.email());
            OrganisationPerson joined = new OrganisationPerson(UUID.randomUUID().toString(), event.memberId(),
                    event.subject(), event.role(), event.displayName(), event.email(), event.joinedAt(),
                    PersonStatus.ACTIVE, null, null, event.joinedAt(), 0);
            return apply(event.memberId(), event.subject(), event.joinedAt(), update, joined, true);
        });
    }

    /** The person no longer acts for the organisation: LEFT, and their contact data is erased (not needed any more). */
    public Mono<Void> left(PersonLeftMemberV1 event) {
        return Mono.defer(() -> {
            requireIdentified(event.memberId(), event.subject());
            if (event.leftAt() == null) {
                throw new PoisonEventException("leftAt is required");
            }
            Update update = new Update()
                    .set(STATUS, PersonStatus.LEFT.name())
                    .set(LEFT_AT, event.leftAt())
                    .set(IDENTITY_EVENT_AT, event.leftAt())
                    .unset(DISPLAY_NAME)
                    .unset(EMAIL)
                    .inc(REVISION, 1);
            // nobody to erase if identity never told us they joined
            return apply(event.memberId(), event.subject(), event.leftAt(), update, null, true);
        });
    }

    /**
     * Updates the person if the event is not older than the last one applied; inserts {@code whenNew} if there is no
     * such person yet (a concurrent insert makes it try the update once more).
     */
    private Mono<Void> apply(String memberId, String subject, Instant eventAt, Update update,
                             OrganisationPerson whenNew, boolean retryOnDuplicate) {
        Query notNewer = Query.query(new Criteria().andOperator(
                where(MEMBER_ID).is(memberId).and(SUBJECT).is(subject),
                new Criteria().orOperator(where(IDENTITY_EVENT_AT).is(null), where(IDENTITY_EVENT_AT).lte(eventAt))));
        return mongo.updateFirst(notNewer, update, OrganisationPerson.class)
                .flatMap(result -> {
                    if (result.getMatchedCount() == 1) {
                        return Mono.empty();
                    }
                    return mongo.exists(Query.query(where(MEMBER_ID).is(memberId).and(SUBJECT).is(subject)),
                                    OrganisationPerson.class)
                            .flatMap(exists -> {
                                if (exists) {
                                    log.info("Ignored an identity event of {} for member {}: a newer one was applied",
                                            subject, memberId);
                                    return Mono.empty();
                                }
                                if (whenNew == null) {
                                    return Mono.empty();
                                }
                                return mongo.insert(whenNew)
                                        .onErrorResume(DuplicateKeyException.class, insertedConcurrently -> retryOnDuplicate
                                                ? apply(memberId, subject, eventAt, update, whenNew, false).then(Mono.empty())
                                                : Mono.error(insertedConcurrently))
                                        .then();
                            });
                });
    }

    private static void requireIdentified(String memberId, String subject) {
        if (!plausibleId(memberId) || !plausibleId(subject)) {
            throw new PoisonEventException("memberId and subject must be ids of 1-128 characters [A-Za-z0-9._-]");
        }
    }

    private static void setOrUnset(Update update, String field, Object value) {
        if (value == null) {
            update.unset(field);
        } else {
            update.set(field, value);
        }
    }
}
