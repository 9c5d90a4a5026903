package jp.iinj.eventfeeds.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import jp.iinj.httpapi.security.PlatformResourceServer;
import jp.iinj.httpapi.security.ProblemSecurityResponses;

/**
 * Who may call what, checked here again whatever the gateway let through (zero trust). Unlike the other services'
 * APIs, feeds are for machines too: a regional body's systems read them with client-credentials tokens. Which events
 * a caller sees is decided by {@link FeedAccess}.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceAccessConfiguration {

    @Bean
    SecurityWebFilterChain access(ServerHttpSecurity http, ProblemSecurityResponses problems) {
        return PlatformResourceServer.applyTo(http, problems)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs/**").permitAll()
                        .pathMatchers("/actuator/**").hasRole("ADMIN")
                        .anyExchange().authenticated())
                .build();
    }
}
