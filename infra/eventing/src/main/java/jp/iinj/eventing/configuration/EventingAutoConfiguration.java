package jp.iinj.eventing.configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jp.iinj.contracts.topics.PlatformService;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventing.cloudevents.EventPayloadJson;
import jp.iinj.eventing.consumer.EventConsumers;
import jp.iinj.eventing.consumer.EventSubscription;
import jp.iinj.eventing.consumer.ProcessedEvents;
import jp.iinj.eventing.outbox.AggregateStore;
import jp.iinj.eventing.outbox.BlockingAggregateStore;
import jp.iinj.eventing.outbox.OutboxEventFactory;
import jp.iinj.eventing.outbox.OutboxMetrics;
import jp.iinj.eventing.outbox.OutboxRelay;
import jp.iinj.eventing.topics.TopicProvisioner;

/** Wires the outbox, its relay and the event consumers of a service from {@code iinj.eventing.*}. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration"})
@EnableConfigurationProperties(EventingProperties.class)
public class EventingAutoConfiguration {

    /**
     * The clock behind every time-based rule; tests replace it with a fixed or mutable one. It ticks in whole
     * milliseconds, the precision MongoDB stores: a time read from it is the same after a round trip through a
     * document or an event, so no caller truncates by hand.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    @Bean
    EventPayloadJson eventPayloadJson() {
        return new EventPayloadJson();
    }

    @Bean
    PlatformService platformService(EventingProperties properties) {
        return Arrays.stream(PlatformService.values())
                .filter(service -> service.serviceName().equals(properties.service()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("iinj.eventing.service must name a platform service "
                        + Arrays.toString(PlatformService.values()) + ", was: " + properties.service()));
    }

    /** No-loss producer: acknowledged by all in-sync replicas, idempotent, retried until the delivery timeout. */
    @Bean
    KafkaTemplate<String, byte[]> eventKafkaTemplate(KafkaProperties kafka) {
        Map<String, Object> properties = new HashMap<>(kafka.buildProducerProperties());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        // bounds how long send() waits for metadata when the broker is away; the relay then backs off
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(properties, new StringSerializer(), new ByteArraySerializer()));
    }

    @Bean
    TopicProvisioner topicProvisioner(KafkaProperties kafka, EventingProperties properties, PlatformService service) {
        TopicProvisioner provisioner = new TopicProvisioner(kafka.buildAdminProperties(), properties.topics());
        TopicCatalogue.ownedBy(service).forEach(provisioner::declareWritten);
        return provisioner;
    }

    @Bean
    OutboxMetrics outboxMetrics(ObjectProvider<MeterRegistry> registry) {
        return new OutboxMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    OutboxRelay outboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> eventKafkaTemplate,
                            TopicProvisioner topics, OutboxMetrics metrics, EventingProperties properties, Clock clock) {
        return new OutboxRelay(mongo, eventKafkaTemplate, topics, metrics, properties.outbox(), clock);
    }

    @Bean
    AggregateStore aggregateStore(ReactiveMongoTemplate mongo, OutboxRelay relay) {
        return new AggregateStore(mongo, relay);
    }

    /** For services on the blocking MongoTemplate (Spring MVC): the same outbox writes and hand-offs. */
    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    BlockingAggregateStore blockingAggregateStore(MongoTemplate mongo, OutboxRelay relay) {
        return new BlockingAggregateStore(mongo, relay);
    }

    @Bean
    OutboxEventFactory outboxEventFactory(PlatformService service, EventPayloadJson json, Clock clock) {
        return new OutboxEventFactory(service, json, clock);
    }

    @Bean
    ProcessedEvents processedEvents(ReactiveMongoTemplate mongo, Clock clock, EventingProperties properties) {
        return new ProcessedEvents(mongo, clock, properties.consumers());
    }

    @Bean
    EventConsumers eventConsumers(PlatformService service, List<EventSubscription> subscriptions, KafkaProperties kafka,
                                  KafkaTemplate<String, byte[]> eventKafkaTemplate, ProcessedEvents processed,
                                  EventPayloadJson json, EventingProperties properties, TopicProvisioner topics,
                                  ObjectProvider<MeterRegistry> registry) {
        // declared here, not where the provisioner is made: handlers may write through the outbox, whose relay
        // needs the provisioner, and the subscriptions would then depend on themselves
        subscriptions.forEach(subscription -> topics.declareConsumed(subscription.topic()));
        return new EventConsumers(service.serviceName(), subscriptions, kafka.buildConsumerProperties(),
                eventKafkaTemplate, processed, json, properties.consumers(), registry.getIfAvailable(SimpleMeterRegistry::new));
    }
}
