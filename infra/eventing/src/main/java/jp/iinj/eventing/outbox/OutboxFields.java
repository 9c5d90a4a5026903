package jp.iinj.eventing.outbox;

/**
 * Field names the outbox adds to an aggregate's document. The aggregate's own mapping never reads them; only the
 * {@link AggregateStore} and the {@link OutboxRelay} write them.
 */
final class OutboxFields {

    /** Array of outbox entries, oldest first: the order events are published in. */
    static final String OUTBOX = "outbox";
    /** Number of entries not yet published; {@code $inc}-ed by writers and the relay, so neither overwrites the other. */
    static final String PENDING = "outboxPending";
    /** Earliest time the relay may try this aggregate again after a failed publish. */
    static final String RETRY_AT = "outboxRetryAt";
    /** The relay instance currently publishing this aggregate's events, and until when. */
    static final String LEASE = "outboxLease";
    static final String LEASE_TOKEN = LEASE + ".token";
    static final String LEASE_EXPIRES_AT = LEASE + ".expiresAt";

    static final String EVENT_ID = "eventId";
    static final String STATUS = "status";
    static final String ATTEMPTS = "attempts";
    static final String LAST_ERROR = "lastError";
    static final String PUBLISHED_AT = "publishedAt";

    private OutboxFields() {
    }
}
