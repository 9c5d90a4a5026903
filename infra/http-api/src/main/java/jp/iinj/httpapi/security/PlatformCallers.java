package jp.iinj.httpapi.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import jp.iinj.httpapi.core.access.PlatformPrincipal;
import reactor.core.publisher.Mono;

/**
 * How a WebFlux service turns the platform's access token into Spring Security's authentication, and reads the
 * caller back for object-level checks. Each service's own access configuration says who may call what.
 */
public final class PlatformCallers {

    private PlatformCallers() {
    }

    /** For {@code oauth2ResourceServer(...).jwt(jwt -> jwt.jwtAuthenticationConverter(PlatformCallers::authenticationOf))}. */
    public static Mono<AbstractAuthenticationToken> authenticationOf(Jwt token) {
        return Mono.just(new JwtAuthenticationToken(token, PlatformPrincipal.of(token).authorities(), token.getSubject()));
    }

    /** The caller of the current request. */
    public static Mono<PlatformPrincipal> caller() {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication())
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(authentication -> PlatformPrincipal.of(((JwtAuthenticationToken) authentication).getToken()));
    }
}
