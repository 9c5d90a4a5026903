package jp.iinj.eventfeeds.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: immediately, then after 5 seconds, 5 minutes, 30 minutes, 2, 5 and 10 hours
 * (the Standard Webhooks schedule), each delay varied by ±10 % so that many deliveries failed by one outage do not all
 * come back at the same second. A {@code Retry-After} the subscriber sent (429, 503) moves the next attempt later,
 * never earlier, and at most as far as the longest delay. After the last attempt, none: the endpoint has failed.
 */
public final class RetrySchedule {

    public static final List<Duration> DELAYS = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10));
    static final double JITTER = 0.1;

    private final List<Duration> delays;
    private final DoubleSupplier random;

    /** @param random values in [0, 1), e.g. {@code ThreadLocalRandom.current()::nextDouble} */
    public RetrySchedule(DoubleSupplier random) {
        this(DELAYS, random);
    }

    /**
     * @param delays before each attempt, the first normally zero; tests and the local platform shorten them, since an
     *               outage test cannot wait hours
     */
    public RetrySchedule(List<Duration> delays, DoubleSupplier random) {
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("at least one attempt");
        }
        this.delays = List.copyOf(delays);
        this.random = random;
    }

    /** How many attempts a delivery gets in all. */
    public int attempts() {
        return delays.size();
    }

    /**
     * @param failedAttempts attempts made so far, all failed (at least 1)
     * @param retryAfter     what the subscriber asked for, or null
     * @return when to try again, or empty when every attempt is spent
     */
    public Optional<Instant> next(int failedAttempts, Instant failedAt, Duration retryAfter) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("a retry follows a failed attempt");
        }
        if (failedAttempts >= delays.size()) {
            return Optional.empty();
        }
        Duration base = delays.get(failedAttempts);
        double factor = 1 - JITTER + 2 * JITTER * random.getAsDouble();
        Instant at = failedAt.plusMillis(Math.round(base.toMillis() * factor));
        if (retryAfter != null && !retryAfter.isNegative()) {
            Duration longest = delays.get(delays.size() - 1);
            Duration asked = retryAfter.compareTo(longest) > 0 ? longest : retryAfter;
            Instant askedAt = failedAt.plus(asked);
            if (askedAt.isAfter(at)) {
                at = askedAt;
            }
        }
        return Optional.of(at);
    }
}
