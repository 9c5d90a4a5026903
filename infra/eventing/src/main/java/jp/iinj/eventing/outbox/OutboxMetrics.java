package jp.iinj.eventing.outbox;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** What the relay does, as Micrometer meters ({@code iinj.outbox.*}). */
public class OutboxMetrics {

    private final MeterRegistry registry;
    private final AtomicLong backlog = new AtomicLong();

    public OutboxMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("iinj.outbox.backlog", backlog, AtomicLong::get)
                .description("Events written to an outbox and not yet acknowledged by the broker")
                .register(registry);
    }

    void published(String topic) {
        Counter.builder("iinj.outbox.published").description("Events acknowledged by the broker")
                .tag("topic", topic).register(registry).increment();
    }

    void publishFailed(String topic) {
        Counter.builder("iinj.outbox.publish.failures").description("Publish attempts that failed and will be retried")
                .tag("topic", topic).register(registry).increment();
    }

    void leaseReclaimed(String collection) {
        Counter.builder("iinj.outbox.leases.reclaimed").description("Aggregates taken over from a relay whose lease expired")
                .tag("collection", collection).register(registry).increment();
    }

    void handOffDropped(String collection) {
        Counter.builder("iinj.outbox.handoffs.dropped")
                .description("Hand-offs dropped because the relay's queue was full; the next sweep relays those aggregates")
                .tag("collection", collection).register(registry).increment();
    }

    void swept(String collection, int dueAggregates) {
        Counter.builder("iinj.outbox.sweep.aggregates")
                .description("Aggregates a sweep found with due events that no relay held: the hand-off missed them")
                .tag("collection", collection).register(registry).increment(dueAggregates);
    }

    void backlog(long pending) {
        backlog.set(pending);
    }

    public long backlog() {
        return backlog.get();
    }
}
