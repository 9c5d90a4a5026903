package jp.iinj.httpapi.correlation;

import reactor.core.publisher.Hooks;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** Correlation ids for every request of a WebFlux service, in the Reactor context, the MDC and the response. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class CorrelationAutoConfiguration {

    CorrelationAutoConfiguration() {
        // Same as spring.reactor.context-propagation=auto, whose default (limited) would leave the MDC empty on
        // most threads a request runs on. Idempotent and JVM-wide.
        Hooks.enableAutomaticContextPropagation();
    }

    @Bean
    CorrelationIdWebFilter correlationIdWebFilter() {
        return new CorrelationIdWebFilter();
    }
}
