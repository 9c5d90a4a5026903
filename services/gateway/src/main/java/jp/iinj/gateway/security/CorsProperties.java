package jp.iinj.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-origin access for browser applications served from other origins. Credentials (cookies) are never
 * allowed cross-origin: the API takes bearer tokens.
 */
@ConfigurationProperties("iinj.gateway.cors")
public record CorsProperties(
        @DefaultValue("http://localhost:8100") List<String> allowedOrigins,
        @DefaultValue({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"}) List<String> allowedMethods,
        @DefaultValue({"Authorization", "Content-Type", "Accept", "If-Match", "If-None-Match", "Idempotency-Key",
                "X-Correlation-Id", "traceparent", "tracestate"}) List<String> allowedHeaders,
        @DefaultValue({"X-Correlation-Id", "Location", "ETag", "Retry-After", "Idempotent-Replayed"}) List<String> exposedHeaders,
        @DefaultValue("1h") Duration maxAge) {
}
