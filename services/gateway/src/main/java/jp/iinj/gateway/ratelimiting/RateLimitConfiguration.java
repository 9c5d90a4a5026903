package jp.iinj.gateway.ratelimiting;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** In-memory buckets (Caffeine); a bucket is dropped once it would be full again anyway. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    ProxyManager<String> rateLimitBuckets(RateLimitProperties properties) {
        return Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(properties.maxKeys()))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }
}
