package jp.iinj.eventing.consumer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

import io.micrometer.core.instrument.MeterRegistry;
import jp.iinj.contracts.topics.Topic;
import jp.iinj.eventing.cloudevents.EventPayloadJson;
import jp.iinj.eventing.cloudevents.MalformedCloudEventException;
import jp.iinj.eventing.configuration.EventingProperties;

/**
 * Runs one listener container per {@link EventSubscription}: record-by-record commits after processing, and the
 * dead-letter topic {@code <topic>.dlt} so the partition keeps moving. Poison only by intent: a record that is not a
 * CloudEvent, data that does not fit its type ({@link MalformedCloudEventException}) and a handler's
 * {@link PoisonEventException} go there at once; every other failure, {@code IllegalArgumentException} included, is
 * retried with backoff first. The failure is recorded in the dead letter's {@code kafka_dlt-*} headers.
 */
public class EventConsumers implements SmartLifecycle {

    private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers = new ArrayList<>();
    private volatile boolean running;

    public EventConsumers(String serviceName, List<EventSubscription> subscriptions, Map<String, Object> consumerProperties,
                          KafkaTemplate<String, byte[]> deadLetters, ProcessedEvents processed, EventPayloadJson json,
                          EventingProperties.Consumers settings, MeterRegistry meters) {
        String instanceId = UUID.randomUUID().toString();
        for (EventSubscription subscription : subscriptions) {
            String group = serviceName + "." + subscription.name()
                    + (subscription.everyInstance() ? "." + instanceId : "");
            Map<String, Object> properties = new HashMap<>(consumerProperties);
            properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, subscription.everyInstance() ? "latest" : "earliest");
            properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            var consumerFactory = new DefaultKafkaConsumerFactory<>(properties, new StringDeserializer(), new ByteArrayDeserializer());

            ContainerProperties container = new ContainerProperties(subscription.topic().name());
            container.setAckMode(ContainerProperties.AckMode.RECORD);
            // an instance's own group lives as long as the instance: nothing to remember across its restarts
            container.setMessageListener(new IdempotentEventListener(group, subscription,
                    subscription.recordsAppliedEvents() ? processed : null, json, settings.handlerTimeout(), meters));

            var listeners = new ConcurrentMessageListenerContainer<>(consumerFactory, container);
            listeners.setCommonErrorHandler(errorHandler(deadLetters, settings));
            listeners.setBeanName(group);
            containers.add(listeners);
        }
    }

    private static DefaultErrorHandler errorHandler(KafkaTemplate<String, byte[]> deadLetters, EventingProperties.Consumers settings) {
        var recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                // a negative partition lets the producer pick one by key
                (record, failure) -> new TopicPartition(record.topic() + Topic.DEAD_LETTER_SUFFIX, -1));
        var backOff = new ExponentialBackOffWithMaxRetries(settings.retries());
        backOff.setInitialInterval(settings.initialBackoff().toMillis());
        backOff.setMaxInterval(settings.maxBackoff().toMillis());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        // only what is poison by intent skips the retries: the framework's own list of fatal types is replaced
        handler.setClassifications(Map.of(MalformedCloudEventException.class, false, PoisonEventException.class, false), true);
        return handler;
    }

    @Override
    public void start() {
        containers.forEach(ConcurrentMessageListenerContainer::start);
        running = true;
    }

    @Override
    public void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
