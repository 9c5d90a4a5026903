package jp.iinj.eventing.consumer;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.listener.MessageListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jp.iinj.contracts.topics.CloudEventAttributes;
import jp.iinj.contracts.topics.EventSchemas;
import jp.iinj.contracts.topics.EventType;
import jp.iinj.eventing.cloudevents.EventMetadata;
import jp.iinj.eventing.cloudevents.EventPayloadJson;
import jp.iinj.eventing.cloudevents.KafkaBinaryMode;
import jp.iinj.eventing.cloudevents.MalformedCloudEventException;

/**
 * Reads one record as a CloudEvent, checks its data against the schema of its type, drops it if this subscription
 * has applied its id before, applies it, then records the id. Runs on the consumer thread; the offset is committed
 * after it returns (ack mode RECORD). A record that is not a CloudEvent or whose data does not fit its type is
 * {@link MalformedCloudEventException}: dead-lettered at once.
 */
class IdempotentEventListener implements MessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(IdempotentEventListener.class);
    static final String MDC_CORRELATION_ID = CloudEventAttributes.CORRELATION_ID_MDC_KEY;

    private final String consumerGroup;
    private final EventSubscription subscription;
    private final ProcessedEvents processed;
    private final EventPayloadJson json;
    private final Duration handlerTimeout;
    private final MeterRegistry meters;
    private final Set<String> unhandledTypesLogged = ConcurrentHashMap.newKeySet();

    /** @param processed where applied ids are recorded; null for an every-instance subscription (no record kept) */
    IdempotentEventListener(String consumerGroup, EventSubscription subscription, ProcessedEvents processed,
                            EventPayloadJson json, Duration handlerTimeout, MeterRegistry meters) {
        this.consumerGroup = consumerGroup;
        this.subscription = subscription;
        this.processed = processed;
        this.json = json;
        this.handlerTimeout = handlerTimeout;
        this.meters = meters;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        EventMetadata metadata = KafkaBinaryMode.metadataOf(record);
        subscription.handlingOf(metadata.type()).ifPresentOrElse(
                handling -> apply(handling, metadata, record.value(),
                        new EventPosition(record.topic(), record.partition(), record.offset())),
                () -> unhandled(metadata));
    }

    private <P> void apply(EventSubscription.Handling<P> handling, EventMetadata metadata, byte[] data,
                           EventPosition position) {
        ReceivedEvent<P> event = new ReceivedEvent<>(metadata, payload(handling, metadata, data), data, position);
        if (metadata.correlationId() != null) {
            MDC.put(MDC_CORRELATION_ID, metadata.correlationId());
        }
        try {
            if (processed == null) {
                handling.handler().handle(event).block(handlerTimeout);
                return;
            }
            if (Boolean.TRUE.equals(processed.contains(consumerGroup, metadata.id()).block(handlerTimeout))) {
                log.info("{} already applied event {} ({}); skipping the duplicate", consumerGroup, metadata.id(), metadata.type());
                return;
            }
            handling.handler().handle(event).block(handlerTimeout);
            processed.record(consumerGroup, metadata.id(), metadata.type()).block(handlerTimeout);
        } finally {
            MDC.remove(MDC_CORRELATION_ID);
        }
    }

    /**
     * The typed payload, or for an every-type handler the data itself. Data of a type the topic declares must satisfy
     * that type's schema; data of a type this service does not know yet is passed on as it came.
     */
    @SuppressWarnings("unchecked")
    private <P> P payload(EventSubscription.Handling<P> handling, EventMetadata metadata, byte[] data) {
        if (data == null) {
            throw new MalformedCloudEventException("record has no data");
        }
        // unreadable as the type first: that message names the payload type
        P payload = handling.type() == null ? (P) data : json.read(data, handling.type().payloadType());
        EventType<?> declared = handling.type() != null ? handling.type()
                : subscription.topic().eventType(metadata.type()).orElse(null);
        if (declared != null) {
            List<String> violations = EventSchemas.violations(declared, data);
            if (!violations.isEmpty()) {
                throw new MalformedCloudEventException("data of " + metadata.type() + " does not match its schema: "
                        + String.join("; ", violations));
            }
        }
        return payload;
    }

    private void unhandled(EventMetadata metadata) {
        Counter.builder("iinj.events.unhandled")
                .description("Events of a type the subscription has no handler for (skipped)")
                .tag("group", consumerGroup).tag("type", metadata.type())
                .register(meters).increment();
        if (unhandledTypesLogged.add(metadata.type())) {
            log.info("{} has no handler for event type {} and skips its events (first: {}); counted in iinj.events.unhandled",
                    consumerGroup, metadata.type(), metadata.id());
        }
    }
}
