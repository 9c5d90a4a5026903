package jp.iinj.gateway.ratelimiting;

import java.time.Duration;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request rate limits: token buckets per key (the token's {@code sub}, else the client IP), one bucket per key
 * shared by every route without a limit of its own ({@code general}), and one per key and route for the routes
 * under {@code routes.<route-id>}.
 *
 * @param enabled whether limits apply at all
 * @param general the limit of every route not listed under {@code routes}
 * @param routes  limits of particular routes, by route id
 * @param maxKeys how many keys' buckets are kept in memory (least recently used are dropped first)
 */
@ConfigurationProperties("iinj.gateway.rate-limits")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue Limit general,
        Map<String, Limit> routes,
        @DefaultValue("100000") long maxKeys) {

    public static final String GENERAL = "general";

    public RateLimitProperties {
        routes = routes == null ? Map.of() : Map.copyOf(routes);
    }

    /** The limit's name (bucket family) and the limit for a route. */
    NamedLimit limitFor(String routeId) {
        Limit own = routeId == null ? null : routes.get(routeId);
        return own != null ? new NamedLimit(routeId, own) : new NamedLimit(GENERAL, general);
    }

    record NamedLimit(String name, Limit limit) {
    }

    /**
     * A token bucket: up to {@code capacity} requests at once, refilled with {@code refillTokens} every
     * {@code refillPeriod} (continuously, not in steps).
     *
     * @param key whose requests share a bucket: {@code principal-or-ip} (the token's subject, else the client IP)
     *            or {@code ip} (always the client IP, for sign-in and registration)
     */
    public record Limit(
            @DefaultValue("100") long capacity,
            @DefaultValue("50") long refillTokens,
            @DefaultValue("1s") Duration refillPeriod,
            @DefaultValue("principal-or-ip") KeyType key) {

        public Limit {
            if (capacity < 1 || refillTokens < 1 || refillPeriod == null || refillPeriod.isNegative() || refillPeriod.isZero()) {
                throw new IllegalArgumentException("Rate limit needs capacity >= 1, refill-tokens >= 1 and a positive "
                        + "refill-period, got capacity=" + capacity + ", refill-tokens=" + refillTokens
                        + ", refill-period=" + refillPeriod);
            }
        }

        BucketConfiguration bucket() {
            return BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(refillTokens, refillPeriod).build())
                    .build();
        }
    }

    public enum KeyType {
        PRINCIPAL_OR_IP, IP
    }
}
