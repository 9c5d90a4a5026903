package jp.iinj.gateway.authentication;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jp.iinj.httpapi.core.access.AccessTokenValidation;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Access tokens: decoded with the issuer's JWKS ({@code jwk-set-uri}, never {@code issuer-uri}, whose discovery
 * makes the gateway depend on the issuer at start and answer 500 while it is down), with a bounded fetch time;
 * {@code roles} become {@code ROLE_<role>} authorities and {@code scope} {@code SCOPE_<scope>}.
 */
@Configuration(proxyBeanMethods = false)
public class JwtAuthenticationConfiguration {

    /** Claim naming the platform roles: {@code MEMBER}, {@code COORDINATOR}, {@code REGIONAL_BODY}, {@code ADMIN}. */
    public static final String ROLES_CLAIM = "roles";

    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtProperties properties) {
        int timeoutMillis = Math.toIntExact(properties.jwksTimeout().toMillis());
        HttpClient jwksClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMillis)
                .responseTimeout(properties.jwksTimeout());
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
                .webClient(WebClient.builder().clientConnector(new ReactorClientHttpConnector(jwksClient)).build())
                .jwsAlgorithms(algorithms -> properties.jwsAlgorithms().forEach(name -> algorithms.add(algorithm(name))))
                .build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator(properties.clockSkew()));
        // access tokens only: an ID token is signed by the same key and carries the same roles
        validators.add(AccessTokenValidation.accessTokenType());
        if (StringUtils.hasText(properties.issuer())) {
            validators.add(new JwtIssuerValidator(properties.issuer()));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return new KeysUnavailableAsJwtException(decoder);
    }

    @Bean
    ReactiveJwtAuthenticationConverterAdapter jwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new PlatformAuthorities());
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    /**
     * The decoder reports an unreachable JWKS as {@code IllegalStateException}, which Spring Security does not
     * treat as an authentication failure (the request would end as a 500). As a non-"bad" {@link JwtException} it
     * becomes an {@code AuthenticationServiceException}, answered 503 by {@code iinj-http-api}'s
     * {@code ProblemSecurityResponses.authenticationFailureHandler()}.
     */
    record KeysUnavailableAsJwtException(ReactiveJwtDecoder delegate) implements ReactiveJwtDecoder {

        @Override
        public Mono<Jwt> decode(String token) {
            return delegate.decode(token).onErrorMap(error -> !(error instanceof JwtException),
                    error -> new JwtException("The token's signing keys could not be obtained.", error));
        }
    }

    private static SignatureAlgorithm algorithm(String name) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.from(name.trim());
        if (algorithm == null) {
            throw new IllegalArgumentException("iinj.gateway.jwt.jws-algorithms: unknown algorithm " + name);
        }
        return algorithm;
    }

    /** {@code roles} to {@code ROLE_<role>}, {@code scope} (space-separated or a list) to {@code SCOPE_<scope>}. */
    static final class PlatformAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {

        @Override
        public Collection<GrantedAuthority> convert(Jwt jwt) {
            List<GrantedAuthority> authorities = new ArrayList<>();
            for (String role : stringList(jwt, ROLES_CLAIM)) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
            }
            for (String scope : stringList(jwt, "scope")) {
                authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope));
            }
            return authorities;
        }

        private static List<String> stringList(Jwt jwt, String claim) {
            Object value = jwt.getClaim(claim);
            if (value instanceof String text) {
                return List.of(StringUtils.tokenizeToStringArray(text, " "));
            }
            if (value instanceof Collection<?> values) {
                return values.stream().filter(String.class::isInstance).map(String.class::cast)
                        .filter(StringUtils::hasText).toList();
            }
            return List.of();
        }
    }
}
