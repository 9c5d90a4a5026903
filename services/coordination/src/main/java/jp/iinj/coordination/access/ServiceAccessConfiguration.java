package jp.iinj.coordination.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.httpapi.security.PlatformCallers;
import jp.iinj.httpapi.security.ProblemSecurityResponses;

/**
 * Who may call what, checked here again whatever the gateway let through (zero trust). Coarse rules only: the
 * coordination API is for people (coordinators, regional bodies, administrators); machine clients read feeds, never
 * this. Which coordinator a person may see or change is decided by the features ({@code RosterAccess}).
 */
@Configuration(proxyBeanMethods = false)
public class ServiceAccessConfiguration {

    @Bean
    SecurityWebFilterChain access(ServerHttpSecurity http, ProblemSecurityResponses problems) {
        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs/**").permitAll()
                        .pathMatchers("/actuator/**").hasRole("ADMIN")
                        .anyExchange().hasAuthority(PlatformPrincipal.PERSON_AUTHORITY))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationEntryPoint(problems.authenticationEntryPoint())
                        .accessDeniedHandler(problems.accessDeniedHandler())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(PlatformCallers::authenticationOf)))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems.authenticationEntryPoint())
                        .accessDeniedHandler(problems.accessDeniedHandler()))
                // bearer tokens, no cookies: nothing for CSRF to protect
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .build();
    }
}
