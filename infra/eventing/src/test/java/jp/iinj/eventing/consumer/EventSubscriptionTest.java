package jp.iinj.eventing.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import jp.iinj.contracts.topics.TopicCatalogue;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class EventSubscriptionTest {

    private static EventSubscription.Builder feed() {
        return EventSubscription.to(TopicCatalogue.MEMBER_EVENTS_V1, "member-feed").onEveryType(event -> Mono.empty());
    }

    @Test
    void aSharedSubscriptionRecordsTheEventsItAppliedUnlessItsHandlersAreIdempotentByTheEventId() {
        assertThat(feed().build().recordsAppliedEvents()).isTrue();
        assertThat(feed().idempotentByEventId().build().recordsAppliedEvents()).isFalse();
        // every instance reads from its own group and keeps no record either
        assertThat(feed().onEveryInstance().build().recordsAppliedEvents()).isFalse();
        assertThat(feed().idempotentByEventId().build().everyInstance()).isFalse();
    }
}
