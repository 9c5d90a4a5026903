package jp.iinj.testing.kafka;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import jp.iinj.testing.infrastructure.TestInfrastructure;

/**
 * A {@link TopicProbe} on the shared test Kafka for the tests of one class: subscribed before the first, closed
 * after the last.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TopicProbeExtension memberEvents = TopicProbeExtension.on("membership.member-events.v1");
 * ...
 * memberEvents.probe().awaitRecord(r -> memberId.equals(r.key()), Duration.ofSeconds(30));
 * }</pre>
 */
public final class TopicProbeExtension implements BeforeAllCallback, AfterAllCallback {

    private final String[] topics;
    private volatile TopicProbe probe;

    private TopicProbeExtension(String[] topics) {
        this.topics = topics.clone();
    }

    public static TopicProbeExtension on(String... topics) {
        if (topics.length == 0) {
            throw new IllegalArgumentException("name at least one topic");
        }
        return new TopicProbeExtension(topics);
    }

    /** The probe; only while the class's tests run. */
    public TopicProbe probe() {
        if (probe == null) {
            throw new IllegalStateException("register the extension with @RegisterExtension on a static field");
        }
        return probe;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        probe = TopicProbe.subscribe(TestInfrastructure.shared().kafkaBootstrapServers(), topics);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (probe != null) {
            probe.close();
            probe = null;
        }
    }
}
