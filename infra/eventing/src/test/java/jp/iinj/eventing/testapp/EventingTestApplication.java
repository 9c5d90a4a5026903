package jp.iinj.eventing.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jp.iinj.contracts.membership.MemberRegisteredV1;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventing.consumer.EventSubscription;
import jp.iinj.eventing.consumer.PoisonEventException;
import jp.iinj.eventing.consumer.ReceivedEvent;
import reactor.core.publisher.Mono;

/**
 * A small service for the eventing ITs: it writes {@link TestMember} aggregates with member events through the
 * outbox, and reads the same topic back through an idempotent subscription that records what it applied.
 */
@SpringBootApplication
public class EventingTestApplication {

    /** Legal name that makes the handler refuse an event as poison. */
    public static final String POISON_NAME = "poison";

    /** Services get theirs from Actuator; this library test has none. */
    @Bean
    SimpleMeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    AppliedEvents appliedEvents() {
        return new AppliedEvents();
    }

    @Bean
    EventSubscription memberLedger(AppliedEvents applied) {
        return EventSubscription.to(TopicCatalogue.MEMBER_EVENTS_V1, "member-ledger")
                .on(TopicCatalogue.MEMBER_REGISTERED_V1, event -> {
                    if (POISON_NAME.equals(event.payload().legalName())) {
                        return Mono.error(new PoisonEventException("refused on purpose"));
                    }
                    return Mono.fromRunnable(() -> applied.add(event));
                })
                .build();
    }

    /** Every event the subscription's handler applied, in order. */
    public static class AppliedEvents {
        private final List<ReceivedEvent<MemberRegisteredV1>> events = new CopyOnWriteArrayList<>();

        void add(ReceivedEvent<MemberRegisteredV1> event) {
            events.add(event);
        }

        public List<ReceivedEvent<MemberRegisteredV1>> all() {
            return List.copyOf(events);
        }

        public long countWithId(String eventId) {
            return events.stream().filter(e -> e.metadata().id().equals(eventId)).count();
        }

        public boolean anyForSubject(String subject) {
            return events.stream().anyMatch(e -> subject.equals(e.metadata().subject()));
        }
    }
}
