package jp.iinj.eventfeeds.delivery;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Where a subscription's ordered delivery has got to, and which instance delivers it. One instance at a time holds
 * the lease, so each subscription's events go out in order from one place; another takes over when the lease lapses.
 *
 * @param cursor     the feed cursor after the last event handled (delivered, or not for this subscription); saved
 *                   every few seconds, so after a crash a few events may go again, with the same {@code webhook-id}
 * @param holder     the instance holding the lease
 * @param leaseUntil when the lease lapses unless renewed
 */
@Document(DeliveryProgress.COLLECTION)
public record DeliveryProgress(@Id String subscriptionId, String cursor, String holder, Instant leaseUntil) {

    public static final String COLLECTION = "delivery_progress";
}
