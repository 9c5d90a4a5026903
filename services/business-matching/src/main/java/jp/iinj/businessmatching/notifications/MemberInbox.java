package jp.iinj.businessmatching.notifications;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import jp.iinj.contracts.notifications.NotificationRequestedV1;
import jp.iinj.eventing.consumer.PoisonEventException;
import reactor.core.publisher.Mono;

/** Members' portal inboxes, filled from this service's own notification requests. */
@Service
public class MemberInbox {

    static final int LIMIT = 50;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public MemberInbox(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Stores a member's notification once, whatever the redelivery; notifications for bureaus or persons are not here. */
    public Mono<Void> received(NotificationRequestedV1 notification) {
        if (notification.notificationId() == null || notification.requestedAt() == null) {
            return Mono.error(new PoisonEventException("notification without an id or a time"));
        }
        if (notification.recipientMemberId() == null) {
            return Mono.empty();
        }
        return mongo.insert(new InboxEntry(notification.notificationId(), notification.recipientMemberId(),
                        notification.kind(), notification.link(), notification.requestedAt(), null))
                .onErrorResume(DuplicateKeyException.class, already -> Mono.empty())
                .then();
    }

    public Mono<List<InboxEntry>> latest(String memberId) {
        return mongo.find(Query.query(where("memberId").is(memberId)).with(Sort.by(Sort.Direction.DESC, "at"))
                .limit(LIMIT), InboxEntry.class).collectList();
    }

    /** Marks everything in the member's inbox read. */
    public Mono<Long> markRead(String memberId) {
        return mongo.updateMulti(Query.query(where("memberId").is(memberId).and("readAt").is(null)),
                        new Update().set("readAt", clock.instant()), InboxEntry.class)
                .map(result -> result.getModifiedCount());
    }
}
