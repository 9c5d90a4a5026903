package jp.iinj.eventfeeds.delivery;

import java.time.Instant;
import java.util.List;

/**
 * A delivery as its owner reads it in the log.
 *
 * @param id            the {@code webhook-id} every attempt carried
 * @param nextAttemptAt when the next retry is due, while {@code PENDING}
 * @param attempts      oldest first, the latest 50
 */
public record DeliveryResponse(String id, String eventId, String eventType, String subject, Instant eventTime,
                               Delivery.Status status, Instant nextAttemptAt, List<Attempt> attempts,
                               Instant createdAt) {

    /**
     * @param status the HTTP status, or null when there was no answer ({@code error} says why)
     * @param result {@code DELIVERED}, {@code FAILED} or {@code GONE}
     * @param replay whether the owner asked for it
     */
    public record Attempt(Instant at, Integer status, String result, String error, long tookMillis,
                          boolean replay) {
    }

    /** @param deliveries newest first */
    public record DeliveryList(List<DeliveryResponse> deliveries) {
    }

    static DeliveryResponse of(Delivery delivery) {
        List<Attempt> attempts = delivery.attempts() == null ? List.of() : delivery.attempts().stream()
                .map(attempt -> new Attempt(attempt.at(), attempt.status(), attempt.result(), attempt.error(),
                        attempt.tookMillis(), attempt.replay()))
                .toList();
        return new DeliveryResponse(delivery.id(), delivery.eventId(), delivery.eventType(), delivery.subject(),
                delivery.eventTime(), delivery.status(), delivery.nextAttemptAt(), attempts, delivery.createdAt());
    }
}
