package jp.iinj.identity.messaging;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import jp.iinj.contracts.identity.PersonJoinedMemberV1;
import jp.iinj.contracts.identity.PersonLeftMemberV1;
import jp.iinj.contracts.identity.PersonRole;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventing.cloudevents.EventRegion;
import jp.iinj.eventing.outbox.OutboxEntry;
import jp.iinj.eventing.outbox.OutboxEventFactory;
import jp.iinj.httpapi.core.correlation.CorrelationIds;
import jp.iinj.identity.accounts.Account;

/**
 * Maps membership changes of accounts to {@code identity.member-people.v1} events, for the account store to write in
 * the same update as the change. Keyed by member id, so one organisation's joins and leaves stay in order. The
 * correlation id is the one of the request or event being handled (both put it in the MDC).
 */
@Component
public class MemberPeopleEvents {

    private final OutboxEventFactory events;
    private final Clock clock;

    MemberPeopleEvents(OutboxEventFactory events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** @param displayName the name the account has after the change */
    public OutboxEntry joined(Account account, String displayName, String memberId, PersonRole role) {
        Instant now = clock.instant();
        var payload = new PersonJoinedMemberV1(memberId, account.id(), role, displayName, account.email(), now);
        return events.create(TopicCatalogue.PERSON_JOINED_MEMBER_V1, memberId, payload, EventRegion.none(),
                MDC.get(CorrelationIds.MDC_KEY), now);
    }

    public OutboxEntry left(String accountId, String memberId, String reason) {
        Instant now = clock.instant();
        var payload = new PersonLeftMemberV1(memberId, accountId, now, reason);
        return events.create(TopicCatalogue.PERSON_LEFT_MEMBER_V1, memberId, payload, EventRegion.none(),
                MDC.get(CorrelationIds.MDC_KEY), now);
    }

}
