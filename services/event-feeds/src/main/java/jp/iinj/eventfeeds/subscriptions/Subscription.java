package jp.iinj.eventfeeds.subscriptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jp.iinj.eventfeeds.log.FeedScope;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A regional body's webhook subscription, modelled on the CloudEvents Subscriptions API: which events (its bureaus'
 * scope, then {@code types} and {@code filters}, which only narrow it), where to ({@code sink}), and the secrets that
 * sign each delivery. Where delivery has got to is kept apart, in {@code delivery_progress}, since it changes with
 * every event and this document only when the owner (or a failing endpoint) changes it.
 *
 * @param bureaus    the scope, fixed at creation: the creator's bureaus or some of them; empty with
 *                   {@code everything} for an administrator's subscription
 * @param filters    the filter expressions as the owner sent them (validated JSON text)
 * @param startAfter the feed cursor at creation: delivery starts with the first event logged after it
 * @param secrets    newest first; an older one keeps signing until its {@code validUntil} (a rotation's overlap)
 * @param revision   incremented by every change; updates are guarded by the revision read
 */
@Document(Subscription.COLLECTION)
@CompoundIndex(name = "owner", def = "{'bureaus': 1, 'createdAt': 1}")
public record Subscription(
        @Id String id,
        Set<String> bureaus,
        boolean everything,
        List<String> types,
        String filters,
        String sink,
        String protocol,
        Status status,
        Disabling disabled,
        List<SigningSecret> secrets,
        String startAfter,
        String createdBy,
        Instant createdAt,
        Instant changedAt,
        long revision) {

    public static final String COLLECTION = "subscriptions";
    /** The one protocol: HTTP webhooks as Standard Webhooks says (the CloudEvents Subscriptions API's name for it). */
    public static final String HTTP = "HTTP";

    public enum Status { ACTIVE, DISABLED }

    /** Why deliveries stopped: the subscriber answered 410 Gone, or every retry of a delivery failed. */
    public enum DisabledReason { GONE, FAILING }

    /**
     * @param lastStatus the HTTP status of the last failed attempt, or null when there was no answer
     * @param detail     what the last attempt met, for the owner (e.g. "no answer in time")
     * @param deliveryId the delivery that failed; it is tried again first when the owner enables the subscription
     */
    public record Disabling(DisabledReason reason, Integer lastStatus, String detail, String deliveryId, Instant at) {
    }

    /** @param validUntil null for the current secret; for the previous one, the end of the rotation's overlap */
    public record SigningSecret(String secret, Instant validUntil) {
    }

    public FeedScope scope() {
        return everything ? FeedScope.everything() : FeedScope.of(bureaus);
    }

    /** The secrets that sign now: the current one, and the previous one during a rotation's overlap. */
    public List<String> signingSecrets(Instant now) {
        return secrets.stream().filter(secret -> secret.validUntil() == null || secret.validUntil().isAfter(now))
                .map(SigningSecret::secret).toList();
    }

    Subscription disabled(Disabling why, Instant at) {
        return new Subscription(id, bureaus, everything, types, filters, sink, protocol, Status.DISABLED, why,
                secrets, startAfter, createdBy, createdAt, at, revision + 1);
    }

    Subscription enabled(Instant at) {
        return new Subscription(id, bureaus, everything, types, filters, sink, protocol, Status.ACTIVE, null,
                secrets, startAfter, createdBy, createdAt, at, revision + 1);
    }

    /** A new current secret; the old one keeps signing until {@code overlapEnds}, older ones are dropped. */
    Subscription rotated(String newSecret, Instant overlapEnds, Instant at) {
        List<SigningSecret> next = new ArrayList<>();
        next.add(new SigningSecret(newSecret, null));
        secrets.stream().filter(secret -> secret.validUntil() == null).findFirst()
                .ifPresent(current -> next.add(new SigningSecret(current.secret(), overlapEnds)));
        return new Subscription(id, bureaus, everything, types, filters, sink, protocol, status, disabled,
                List.copyOf(next), startAfter, createdBy, createdAt, at, revision + 1);
    }
}
