package jp.iinj.httpapi.headers;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import jp.iinj.httpapi.core.headers.SecurityHeaders;
import jp.iinj.httpapi.core.headers.SecurityHeadersProperties;

/** {@code Content-Security-Policy} and {@code Referrer-Policy} on every response of a WebFlux service. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(SecurityHeadersProperties.class)
public class SecurityHeadersAutoConfiguration {

    @Bean
    SecurityHeadersWebFilter securityHeadersWebFilter(SecurityHeadersProperties properties) {
        return new SecurityHeadersWebFilter(new SecurityHeaders(properties));
    }
}
