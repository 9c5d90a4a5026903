package jp.iinj.eventing.consumer;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.listener.MessageListener;

import jp.iinj.eventing.cloudevents.EventMetadata;
import jp.iinj.eventing.cloudevents.EventPayloadJson;
import jp.iinj.eventing.cloudevents.KafkaBinaryMode;

/**
 * Reads one record as a CloudEvent, drops it if this subscription has applied its id before, applies it, then
 * records the id. Runs on the consumer thread; the offset is committed after it returns (ack mode RECORD).
 */
class IdempotentEventListener implements MessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(IdempotentEventListener.class);
    static final String MDC_CORRELATION_ID = "correlationId";

    private final String consumerGroup;
    private final EventSubscription subscription;
    private final ProcessedEvents processed;
    private final EventPayloadJson json;
    private final Duration handlerTimeout;

    IdempotentEventListener(String consumerGroup, EventSubscription subscription, ProcessedEvents processed,
                            EventPayloadJson json, Duration handlerTimeout) {
        this.consumerGroup = consumerGroup;
        this.subscription = subscription;
        this.processed = processed;
        this.json = json;
        this.handlerTimeout = handlerTimeout;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        EventMetadata metadata = KafkaBinaryMode.metadataOf(record);
        subscription.handlingOf(metadata.type()).ifPresentOrElse(
                handling -> apply(handling, metadata, record),
                () -> log.debug("{} skips event type {} ({})", consumerGroup, metadata.type(), metadata.id()));
    }

    private <P> void apply(EventSubscription.Handling<P> handling, EventMetadata metadata, ConsumerRecord<String, byte[]> record) {
        P payload = json.read(record.value(), handling.type().payloadType());
        if (metadata.correlationId() != null) {
            MDC.put(MDC_CORRELATION_ID, metadata.correlationId());
        }
        try {
            if (Boolean.TRUE.equals(processed.contains(consumerGroup, metadata.id()).block(handlerTimeout))) {
                log.info("{} already applied event {} ({}); skipping the duplicate", consumerGroup, metadata.id(), metadata.type());
                return;
            }
            handling.handler().handle(new ReceivedEvent<>(metadata, payload)).block(handlerTimeout);
            processed.record(consumerGroup, metadata.id(), metadata.type()).block(handlerTimeout);
        } finally {
            MDC.remove(MDC_CORRELATION_ID);
        }
    }
}
