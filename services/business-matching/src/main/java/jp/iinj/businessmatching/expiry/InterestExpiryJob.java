package jp.iinj.businessmatching.expiry;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jp.iinj.businessmatching.interests.ExpressionOfInterest;
import jp.iinj.businessmatching.interests.InterestStatus;
import jp.iinj.businessmatching.members.MatchingMember;
import jp.iinj.businessmatching.members.MatchingMembers;
import jp.iinj.businessmatching.messaging.MatchingEvents;
import jp.iinj.businessmatching.notifications.NotificationKind;
import jp.iinj.businessmatching.settings.PartneringSettings;
import jp.iinj.eventing.outbox.AggregateStore;
import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.httpapi.core.problems.ConflictException;
import reactor.core.publisher.Mono;

/**
 * Requests must not go unanswered: both sides are reminded before an open interest expires, and it expires when its
 * time is up. Safe with any number of instances at once: each reminder and expiry is one write guarded by the revision
 * read, so exactly one instance sends it; one missed while every instance was down is due at the next run.
 */
@Component
public class InterestExpiryJob {

    static final int BATCH = 500;
    static final String SENT = "/matching/interests/sent";
    static final String RECEIVED = "/matching/interests/received";
    private static final Logger log = LoggerFactory.getLogger(InterestExpiryJob.class);

    private final ReactiveMongoTemplate mongo;
    private final MatchingMembers members;
    private final AggregateStore store;
    private final MatchingEvents events;
    private final PartneringSettings settings;
    private final Clock clock;

    public InterestExpiryJob(ReactiveMongoTemplate mongo, MatchingMembers members, AggregateStore store,
                             MatchingEvents events, PartneringSettings settings, Clock clock) {
        this.mongo = mongo;
        this.members = members;
        this.store = store;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${iinj.matching.jobs.interval:5m}", initialDelayString = "40s")
    void onSchedule() {
        Long changed = remindDue().concatWith(expireDue()).reduce(0L, Long::sum).onErrorResume(failure -> {
            log.warn("Interest reminders and expiry failed; they run again at the next interval", failure);
            return Mono.just(0L);
        }).block();
        if (changed != null && changed > 0) {
            log.info("Interest job: {} interests reminded or expired", changed);
        }
    }

    /** Reminds both sides of open interests that expire within the reminder period; how many this instance did. */
    public Mono<Long> remindDue() {
        Instant now = clock.instant();
        Query due = Query.query(where("status").is(InterestStatus.OPEN).and("remindedAt").is(null)
                        .and("expiresAt").lte(now.plus(settings.interests().remindBefore())).gt(now))
                .with(Sort.by("expiresAt")).limit(BATCH);
        return mongo.find(due, ExpressionOfInterest.class)
                .concatMap(interest -> write(interest, interest.reminded(now), List.of(
                        events.notifyMember(interest.ownerMemberId(), NotificationKind.INTEREST_EXPIRING, RECEIVED,
                                now, null),
                        events.notifyMember(interest.interestedMemberId(), NotificationKind.INTEREST_EXPIRING, SENT,
                                now, null))))
                .count();
    }

    /** Expires open interests past their time; how many this instance expired. */
    public Mono<Long> expireDue() {
        Instant now = clock.instant();
        Query due = Query.query(where("status").is(InterestStatus.OPEN).and("expiresAt").lte(now))
                .with(Sort.by("expiresAt")).limit(BATCH);
        return mongo.find(due, ExpressionOfInterest.class)
                .concatMap(interest -> members.byIds(List.of(interest.ownerMemberId(), interest.interestedMemberId()))
                        .flatMap(parties -> {
                            MatchingMember owner = parties.get(interest.ownerMemberId());
                            MatchingMember interested = parties.get(interest.interestedMemberId());
                            ExpressionOfInterest expired = interest.expired(now);
                            return write(interest, expired, List.of(
                                    events.interestExpired(expired, interested, owner),
                                    events.notifyMember(interest.ownerMemberId(), NotificationKind.INTEREST_EXPIRED,
                                            RECEIVED, now, null),
                                    events.notifyMember(interest.interestedMemberId(), NotificationKind.INTEREST_EXPIRED,
                                            SENT, now, null)));
                        }))
                .count();
    }

    private Mono<ExpressionOfInterest> write(ExpressionOfInterest read, ExpressionOfInterest next,
                                             List<OutboxEntry> emitted) {
        return store.update(next, where("revision").is(read.revision()), emitted)
                // another instance did it, or the owner answered meanwhile
                .onErrorResume(OptimisticLockingFailureException.class, raced -> Mono.empty())
                .onErrorResume(ConflictException.class, raced -> Mono.empty());
    }
}
