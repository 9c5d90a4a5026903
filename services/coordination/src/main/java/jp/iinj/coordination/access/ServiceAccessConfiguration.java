package jp.iinj.coordination.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.httpapi.security.PlatformResourceServer;
import jp.iinj.httpapi.security.ProblemSecurityResponses;

/**
 * Who may call what, checked here again whatever the gateway let through (zero trust). Coarse rules only: the
 * coordination API is for people (coordinators, regional bodies, administrators); machine clients read feeds, never
 * this. Which coordinator a person may see or change is decided by the features ({@code roster/RosterAccess}).
 */
@Configuration(proxyBeanMethods = false)
public class ServiceAccessConfiguration {

    @Bean
    SecurityWebFilterChain access(ServerHttpSecurity http, ProblemSecurityResponses problems) {
        return PlatformResourceServer.applyTo(http, problems)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs/**").permitAll()
                        .pathMatchers("/actuator/**").hasRole("ADMIN")
                        .anyExchange().hasAuthority(PlatformPrincipal.PERSON_AUTHORITY))
                .build();
    }
}
