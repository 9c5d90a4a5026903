package jp.iinj.eventfeeds.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The delivery log's entry for one event to one subscription: every attempt, newest last (the latest 50), and what
 * came of them. Its id is the {@code webhook-id} every attempt carries, replays included, so a receiver that dedupes
 * by it processes the event once.
 *
 * @param failedAttempts failed attempts since the last success or since the owner enabled the subscription again;
 *                       the retry schedule counts these
 * @param nextAttemptAt  when the next retry is due (status {@code PENDING} after a failure), else null
 */
@Document(Delivery.COLLECTION)
@CompoundIndex(name = "subscription_recent", def = "{'subscriptionId': 1, 'createdAt': -1}")
public record Delivery(
        @Id String id,
        String subscriptionId,
        String eventId,
        String eventType,
        String subject,
        Instant eventTime,
        Status status,
        int failedAttempts,
        Instant nextAttemptAt,
        List<AttemptRecord> attempts,
        Instant createdAt,
        // the log is kept 30 days after its last attempt
        @Indexed(name = "expiry", expireAfter = "30d") Instant updatedAt) {

    public static final String COLLECTION = "deliveries";
    static final int ATTEMPTS_KEPT = 50;

    /**
     * {@code PENDING}: being retried; {@code DELIVERED}: 2xx; {@code FAILED}: every retry failed (the subscription was
     * disabled); {@code GONE}: the subscriber answered 410 (the subscription was disabled).
     */
    public enum Status { PENDING, DELIVERED, FAILED, GONE }

    /**
     * @param status the HTTP status, or null when there was no answer
     * @param replay whether the owner asked for this attempt (a replay), rather than the ordered delivery
     */
    public record AttemptRecord(Instant at, Integer status, String result, String error, long tookMillis,
                                boolean replay) {
    }

    /** The {@code webhook-id} of an event's delivery to a subscription: the same for every attempt. */
    public static String webhookId(String subscriptionId, String eventId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((subscriptionId + "\n" + eventId).getBytes(StandardCharsets.UTF_8));
            return "msg_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", missing);
        }
    }
}
