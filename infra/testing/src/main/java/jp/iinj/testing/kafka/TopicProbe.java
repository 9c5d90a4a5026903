package jp.iinj.testing.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * Reads topics from their beginning, on a thread of its own and in a consumer group of its own, and lets a test
 * await what should (and should not) have arrived. Sees committed records only ({@code read_committed}).
 *
 * <pre>{@code
 * try (TopicProbe probe = TopicProbe.subscribe(bootstrapServers, "membership.member-events.v1")) {
 *     ConsumerRecord<String, byte[]> event = probe.awaitRecord(r -> memberId.equals(r.key()), Duration.ofSeconds(30));
 *     assertThat(TopicProbe.header(event, "ce_type")).isEqualTo("jp.iinj.membership.member-registered.v1");
 *     probe.assertNoMoreRecords(r -> memberId.equals(r.key()), Duration.ofSeconds(2));
 * }
 * }</pre>
 */
public final class TopicProbe implements AutoCloseable {

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    private static final Duration CHECK_INTERVAL = Duration.ofMillis(50);
    private static final Duration ASSIGNMENT_TIMEOUT = Duration.ofSeconds(30);
    private static final int RECORDS_SHOWN_IN_FAILURES = 50;
    private static final int VALUE_CHARACTERS_SHOWN = 300;

    private final List<String> topics;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> received = new CopyOnWriteArrayList<>();
    /** Positions of the records a test has awaited, which therefore are no surprise. */
    private final Set<String> awaited = ConcurrentHashMap.newKeySet();
    private final Thread poller;
    private volatile boolean running = true;
    private volatile Set<TopicPartition> assignment = Set.of();
    private volatile RuntimeException pollFailure;

    private TopicProbe(Map<String, Object> connection, List<String> topics) {
        this.topics = topics;
        this.consumer = new KafkaConsumer<>(consumerProperties(connection));
        this.consumer.subscribe(topics, new AssignmentTracker());
        this.poller = new Thread(this::pollUntilClosed, "topic-probe-" + String.join(",", topics));
        this.poller.setDaemon(true);
        this.poller.start();
    }

    public static TopicProbe subscribe(String bootstrapServers, String... topics) {
        return subscribe(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topics);
    }

    /** @param connection the broker's address and, for a broker that requires them, credentials ({@code SaslKafkaBroker.connection}) */
    public static TopicProbe subscribe(Map<String, Object> connection, String... topics) {
        if (topics.length == 0) {
            throw new IllegalArgumentException("name at least one topic");
        }
        return new TopicProbe(connection, List.of(topics));
    }

    /** Waits for the first record that matches, and fails listing everything that arrived if none does in time. */
    public ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> matching,
            Duration timeout) {
        return awaitRecords(matching, 1, timeout).get(0);
    }

    /** Waits until {@code count} records match and returns the first {@code count} of them, in arrival order. */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(Predicate<ConsumerRecord<String, byte[]>> matching,
            int count, Duration timeout) {
        try {
            awaiting(timeout).until(() -> matches(matching).size() >= count);
        }
        catch (ConditionTimeoutException e) {
            throw new AssertionError("Expected " + count + " matching record(s) on " + topics + " within " + timeout
                    + ", got " + matches(matching).size() + ". " + describeReceived(), e);
        }
        List<ConsumerRecord<String, byte[]>> found = matches(matching).subList(0, count);
        found.forEach(record -> awaited.add(position(record)));
        return found;
    }

    /**
     * Asserts that, for the whole of {@code during}, no record matches except those that {@link #awaitRecord} and
     * {@link #awaitRecords} returned before: no duplicate of an awaited record, no record that should never have
     * been written. Waits first until the probe reads all its topics, so that it cannot pass by reading nothing.
     */
    public void assertNoMoreRecords(Predicate<ConsumerRecord<String, byte[]>> matching, Duration during) {
        awaitAssignment();
        try {
            awaiting(during.plusSeconds(1)).during(during)
                    .failFast(() -> !unexpected(matching).isEmpty())
                    .until(() -> unexpected(matching).isEmpty());
        }
        catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError("Expected no more matching records on " + topics + " during " + during
                    + ", got " + unexpected(matching).stream().map(TopicProbe::describe)
                            .collect(Collectors.joining("\n  ", "\n  ", "\n"))
                    + describeReceived(), e);
        }
    }

    /** Everything received so far, in arrival order. */
    public List<ConsumerRecord<String, byte[]>> received() {
        return List.copyOf(received);
    }

    /** The value of the last header with this name, as UTF-8, or {@code null}. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The value as UTF-8, or {@code null} for a tombstone. */
    public static String valueAsString(ConsumerRecord<?, byte[]> record) {
        return record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            poller.join(Duration.ofSeconds(10).toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> consumerProperties(Map<String, Object> connection) {
        String group = "topic-probe-" + UUID.randomUUID();
        Map<String, Object> properties = new HashMap<>(connection);
        properties.putAll(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.CLIENT_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // notice topics that are created after the probe subscribed without waiting minutes
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        return properties;
    }

    private void pollUntilClosed() {
        try (consumer) {
            while (running) {
                consumer.poll(POLL_TIMEOUT).forEach(received::add);
            }
        }
        catch (WakeupException e) {
            // close() asked us to stop
        }
        catch (RuntimeException e) {
            pollFailure = e;
        }
    }

    private List<ConsumerRecord<String, byte[]>> matches(Predicate<ConsumerRecord<String, byte[]>> matching) {
        failIfPollingStopped();
        return received.stream().filter(matching).toList();
    }

    private List<ConsumerRecord<String, byte[]>> unexpected(Predicate<ConsumerRecord<String, byte[]>> matching) {
        return matches(matching).stream().filter(record -> !awaited.contains(position(record))).toList();
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private void awaitAssignment() {
        try {
            awaiting(ASSIGNMENT_TIMEOUT).until(this::readsAllTopics);
        }
        catch (ConditionTimeoutException e) {
            throw new AssertionError("The probe got no partitions of " + topics + " within " + ASSIGNMENT_TIMEOUT
                    + " (assigned: " + assignment + "); do the topics exist?", e);
        }
    }

    private boolean readsAllTopics() {
        failIfPollingStopped();
        return assignment.stream().map(TopicPartition::topic).collect(Collectors.toSet()).containsAll(topics);
    }

    private void failIfPollingStopped() {
        if (pollFailure != null) {
            throw new IllegalStateException("The probe stopped reading " + topics, pollFailure);
        }
    }

    private static ConditionFactory awaiting(Duration atMost) {
        return Awaitility.await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(CHECK_INTERVAL);
    }

    private String describeReceived() {
        List<ConsumerRecord<String, byte[]>> all = received();
        List<ConsumerRecord<String, byte[]>> shown = all.subList(Math.max(0, all.size() - RECORDS_SHOWN_IN_FAILURES),
                all.size());
        String heading = all.isEmpty() ? "Nothing arrived."
                : all.size() + " record(s) arrived" + (shown.size() < all.size() ? ", the last " + shown.size() : "")
                        + ":";
        return heading + shown.stream().map(r -> "\n  " + describe(r)).collect(Collectors.joining());
    }

    private static String describe(ConsumerRecord<String, byte[]> record) {
        String headers = StreamSupport.stream(record.headers().spliterator(), false)
                .map(h -> h.key() + "=" + (h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8)))
                .collect(Collectors.joining(", ", "{", "}"));
        String value = valueAsString(record);
        if (value != null && value.length() > VALUE_CHARACTERS_SHOWN) {
            value = value.substring(0, VALUE_CHARACTERS_SHOWN) + "...";
        }
        return position(record) + " key=" + record.key() + " headers=" + headers + " value=" + value;
    }

    private final class AssignmentTracker implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assignment = Set.copyOf(consumer.assignment());
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            assignment = assignment.stream().filter(partition -> !partitions.contains(partition))
                    .collect(Collectors.toUnmodifiableSet());
        }
    }
}
