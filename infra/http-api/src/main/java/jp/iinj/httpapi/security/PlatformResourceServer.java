package jp.iinj.httpapi.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * What every reactive service's security chain has in common, apart from its rules of who may call what: callers
 * present the platform's bearer tokens ({@link PlatformCallers}), refusals are problem responses, and nothing else
 * (no CSRF: no cookies to protect; no basic or form login). A service adds its rules:
 *
 * <pre>{@code
 * return PlatformResourceServer.applyTo(http, problems)
 *         .authorizeExchange(exchanges -> exchanges ...)
 *         .build();
 * }</pre>
 */
public final class PlatformResourceServer {

    private PlatformResourceServer() {
    }

    public static ServerHttpSecurity applyTo(ServerHttpSecurity http, ProblemSecurityResponses problems) {
        return http
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationEntryPoint(problems.authenticationEntryPoint())
                        .accessDeniedHandler(problems.accessDeniedHandler())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(PlatformCallers::authenticationOf)))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems.authenticationEntryPoint())
                        .accessDeniedHandler(problems.accessDeniedHandler()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable);
    }
}
