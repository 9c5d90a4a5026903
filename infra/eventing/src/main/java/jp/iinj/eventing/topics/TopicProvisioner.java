package jp.iinj.eventing.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.iinj.contracts.topics.Topic;
import jp.iinj.eventing.configuration.EventingProperties;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Creates the topics a service writes, reads, and dead-letters to, from their one declaration in the catalogue.
 * Retried until it succeeds, because a service may well start before the broker does.
 */
public class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, Object> adminProperties;
    private final EventingProperties.Topics settings;
    private final Set<String> topicNames = new LinkedHashSet<>();
    private volatile boolean provisioned;

    public TopicProvisioner(Map<String, Object> adminProperties, EventingProperties.Topics settings) {
        this.adminProperties = adminProperties;
        this.settings = settings;
    }

    public synchronized void declareWritten(Topic topic) {
        topicNames.add(topic.name());
        provisioned = false;
    }

    public synchronized void declareConsumed(Topic topic) {
        topicNames.add(topic.name());
        topicNames.add(topic.deadLetterTopic());
        provisioned = false;
    }

    public Set<String> topicNames() {
        return Set.copyOf(topicNames);
    }

    /** Completes once every declared topic exists; cheap after the first success. */
    public Mono<Void> ensureProvisioned() {
        if (provisioned) {
            return Mono.empty();
        }
        return Mono.fromRunnable(this::createMissing).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private synchronized void createMissing() {
        if (provisioned || topicNames.isEmpty()) {
            provisioned = true;
            return;
        }
        Map<String, Object> properties = new java.util.HashMap<>(adminProperties);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (AdminClient admin = AdminClient.create(properties)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String name : topicNames) {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, settings.partitions(), settings.replicationFactor()));
                }
            }
            if (!missing.isEmpty()) {
                CreateTopicsResult result = admin.createTopics(missing);
                for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> created : result.values().entrySet()) {
                    try {
                        created.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                        log.info("created topic {}", created.getKey());
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
            }
            provisioned = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("topics " + topicNames + " not provisioned yet: " + e, e);
        }
    }
}
