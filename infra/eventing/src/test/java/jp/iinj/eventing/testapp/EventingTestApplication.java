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
    /** Legal name that makes the handler fail with an IllegalArgumentException: not poison, so retried. */
    public static final String IMPLAUSIBLE_NAME = "implausible";

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
                    applied.attempted(event);
                    if (POISON_NAME.equals(event.payload().profile().legalName())) {
                        return Mono.error(new PoisonEventException("refused on purpose"));
                    }
                    if (IMPLAUSIBLE_NAME.equals(event.payload().profile().legalName())) {
                        return Mono.error(new IllegalArgumentException("implausible on purpose"));
                    }
                    return Mono.fromRunnable(() -> applied.add(event));
                })
                .build();
    }

    /** A service that forwards whatever a topic carries, as received (another topic: its dead letters stay apart). */
    @Bean
    EventSubscription peopleForwarder(ForwardedEvents forwarded) {
        return EventSubscription.to(TopicCatalogue.MEMBER_PEOPLE_V1, "people-forwarder")
                .onEveryTypeBlocking(forwarded::add)
                .build();
    }

    @Bean
    ForwardedEvents forwardedEvents() {
        return new ForwardedEvents();
    }

    /** Every event the every-type subscription received. */
    public static class ForwardedEvents {
        private final List<ReceivedEvent<byte[]>> events = new CopyOnWriteArrayList<>();

        void add(ReceivedEvent<byte[]> event) {
            events.add(event);
        }

        public java.util.Optional<ReceivedEvent<byte[]>> withId(String eventId) {
            return events.stream().filter(e -> e.metadata().id().equals(eventId)).findFirst();
        }
    }

    /** Every event the subscription's handler applied, in order. */
    public static class AppliedEvents {
        private final List<ReceivedEvent<MemberRegisteredV1>> events = new CopyOnWriteArrayList<>();
        private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> attempts = new java.util.concurrent.ConcurrentHashMap<>();

        void attempted(ReceivedEvent<MemberRegisteredV1> event) {
            attempts.computeIfAbsent(event.metadata().id(), id -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
        }

        /** How often the handler was called for the event, retries included. */
        public int attemptsOf(String eventId) {
            var counted = attempts.get(eventId);
            return counted == null ? 0 : counted.get();
        }

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
