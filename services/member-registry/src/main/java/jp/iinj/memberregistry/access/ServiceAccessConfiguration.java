package jp.iinj.memberregistry.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AllAuthoritiesReactiveAuthorizationManager;
import org.springframework.security.authorization.AuthorityReactiveAuthorizationManager;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.AuthorizationContext;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.httpapi.security.PlatformResourceServer;
import jp.iinj.httpapi.security.ProblemSecurityResponses;
import reactor.core.publisher.Mono;

/**
 * Who may call what, checked here again whatever the gateway let through (zero trust). Coarse rules only:
 * which organisation a caller may see or change is decided by the features, against {@link PlatformPrincipal}.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceAccessConfiguration {

    private static final String[] CLUSTERS = {"/api/members/clusters", "/api/members/clusters/**"};
    /** An administrator who is a person (not a machine client). */
    private static final ReactiveAuthorizationManager<AuthorizationContext> ADMINISTRATOR =
            AllAuthoritiesReactiveAuthorizationManager.hasAllAuthorities("ROLE_" + PlatformRole.ADMIN.name(),
                    PlatformPrincipal.PERSON_AUTHORITY);

    @Bean
    SecurityWebFilterChain access(ServerHttpSecurity http, ProblemSecurityResponses problems) {
        return PlatformResourceServer.applyTo(http, problems)
                .authorizeExchange(exchanges -> exchanges
                        // online registration is open; the gateway rate-limits it
                        .pathMatchers(HttpMethod.POST, "/api/members/organisations").permitAll()
                        // the cluster catalogue is public (the registration form lists it); administrators (people)
                        // maintain it
                        .pathMatchers(HttpMethod.GET, CLUSTERS).permitAll()
                        .pathMatchers(HttpMethod.HEAD, CLUSTERS).permitAll()
                        .pathMatchers(CLUSTERS).access(ADMINISTRATOR)
                        // running the lapse check by hand: administrators (people)
                        .pathMatchers("/api/members/lapse-checks").access(ADMINISTRATOR)
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs/**").permitAll()
                        .pathMatchers("/actuator/**").hasRole("ADMIN")
                        // bulk imports: people who are regional bodies or administrators; which rows and whose
                        // status, the feature decides
                        .pathMatchers("/api/members/imports", "/api/members/imports/**")
                        .access(personWithAnyRole("REGIONAL_BODY", "ADMIN"))
                        // people only: regional bodies' machine clients read feeds, never the registry
                        .anyExchange().hasAuthority(PlatformPrincipal.PERSON_AUTHORITY))
                .build();
    }

    private static ReactiveAuthorizationManager<AuthorizationContext> personWithAnyRole(String... roles) {
        ReactiveAuthorizationManager<AuthorizationContext> person =
                AuthorityReactiveAuthorizationManager.hasAuthority(PlatformPrincipal.PERSON_AUTHORITY);
        ReactiveAuthorizationManager<AuthorizationContext> role = AuthorityReactiveAuthorizationManager.hasAnyRole(roles);
        return (authentication, context) -> person.authorize(authentication, context)
                .flatMap(decision -> decision.isGranted() ? role.authorize(authentication, context) : Mono.just(decision));
    }
}
