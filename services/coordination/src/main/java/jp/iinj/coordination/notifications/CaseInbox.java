package jp.iinj.coordination.notifications;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.contracts.notifications.NotificationRequestedV1;
import jp.iinj.eventing.consumer.PoisonEventException;
import jp.iinj.httpapi.core.access.PlatformPrincipal;
import reactor.core.publisher.Mono;

/**
 * The portal's inbox of coordination notifications, filled from this service's own notification requests. A caller
 * reads what was addressed to them: to their subject, to a member they act for, or, for a regional body's people, to
 * one of their bureaus.
 */
@Service
public class CaseInbox {

    static final int LIMIT = 50;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public CaseInbox(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Stores a notification once, whatever the redelivery. */
    public Mono<Void> received(NotificationRequestedV1 notification) {
        if (notification.notificationId() == null || notification.requestedAt() == null) {
            return Mono.error(new PoisonEventException("notification without an id or a time"));
        }
        return mongo.insert(new CaseInboxEntry(notification.notificationId(), notification.recipientSubject(),
                        notification.recipientMemberId(), notification.recipientBureau(), notification.kind(),
                        notification.link(), notification.requestedAt(), null))
                .onErrorResume(DuplicateKeyException.class, already -> Mono.empty())
                .then();
    }

    public Mono<List<CaseInboxEntry>> latest(PlatformPrincipal caller) {
        return mongo.find(Query.query(addressedTo(caller)).with(Sort.by(Sort.Direction.DESC, "at", "_id"))
                .limit(LIMIT), CaseInboxEntry.class).collectList();
    }

    /** Marks everything addressed to the caller read; how many were unread. */
    public Mono<Long> markRead(PlatformPrincipal caller) {
        return mongo.updateMulti(Query.query(new Criteria().andOperator(addressedTo(caller),
                        where("readAt").is(null))), new Update().set("readAt", clock.instant()), CaseInboxEntry.class)
                .map(result -> result.getModifiedCount());
    }

    private static Criteria addressedTo(PlatformPrincipal caller) {
        List<Criteria> recipients = new ArrayList<>();
        recipients.add(where("recipientSubject").is(caller.subject()));
        if (!caller.memberIds().isEmpty()) {
            recipients.add(where("recipientMemberId").in(caller.memberIds()));
        }
        if (caller.has(PlatformRole.REGIONAL_BODY) && !caller.bureaus().isEmpty()) {
            recipients.add(where("recipientBureau").in(caller.bureaus()));
        }
        return new Criteria().orOperator(recipients.toArray(Criteria[]::new));
    }
}
