package jp.iinj.httpapi.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import jp.iinj.httpapi.core.access.AccessTokenValidation;

/**
 * The token decoder of a WebFlux service, from Boot's usual settings ({@code jwk-set-uri}, {@code issuer-uri}),
 * but accepting access tokens only: Boot's own decoder would let an ID token through (see
 * {@link AccessTokenValidation}).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration")
@ConditionalOnClass({NimbusReactiveJwtDecoder.class, InvalidBearerTokenException.class})
@ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
public class AccessTokenDecoderAutoConfiguration {

    static final String PREFIX = "spring.security.oauth2.resourceserver.jwt.";

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder accessTokenDecoder(Environment environment) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSetUri(environment.getRequiredProperty(PREFIX + "jwk-set-uri"))
                .build();
        decoder.setJwtValidator(AccessTokenValidation.validator(environment.getProperty(PREFIX + "issuer-uri")));
        return decoder;
    }
}
