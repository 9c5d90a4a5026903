package jp.iinj.testing.kafka;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates topics for a test; topics that exist already are left as they are. */
public final class TestTopics {

    private static final long TIMEOUT_SECONDS = 30;

    private TestTopics() {
    }

    /** With the broker's default partition count and replication factor. */
    public static void create(String bootstrapServers, String... names) {
        create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), names);
    }

    /** @param connection the broker's address and credentials ({@code SaslKafkaBroker.connection}) */
    public static void create(Map<String, Object> connection, String... names) {
        create(connection, Arrays.stream(names)
                .map(name -> new NewTopic(name, Optional.empty(), Optional.empty())).toList());
    }

    public static void createWithPartitions(String bootstrapServers, int partitions, String... names) {
        create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), Arrays.stream(names)
                .map(name -> new NewTopic(name, Optional.of(partitions), Optional.empty())).toList());
    }

    private static void create(Map<String, Object> connection, List<NewTopic> topics) {
        try (Admin admin = Admin.create(connection)) {
            for (Map.Entry<String, KafkaFuture<Void>> creation : admin.createTopics(topics).values().entrySet()) {
                awaitCreation(creation.getKey(), creation.getValue());
            }
        }
    }

    private static void awaitCreation(String topic, KafkaFuture<Void> creation) {
        try {
            creation.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + topic, e.getCause());
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic, e);
        }
        catch (TimeoutException e) {
            throw new IllegalStateException("Topic " + topic + " was not created within " + TIMEOUT_SECONDS + " s", e);
        }
    }
}
