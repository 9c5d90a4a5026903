package jp.iinj.httpapi.servlet.testapp;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.Filter;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

import jp.iinj.httpapi.servlet.ServletProblemSecurityResponses;

/**
 * A Spring MVC service that depends on iinj-http-api-servlet and nothing else; its own package keeps the library out
 * of its scan. {@code /test/secured/**} needs a bearer token ({@value #MEMBER_TOKEN}: a member), {@code /test/secured/admin}
 * the ADMIN role; everything else is open.
 */
@SpringBootApplication
public class TestApplication {

    public static final String MEMBER_TOKEN = "member-token";
    static final String FAILING_FILTER_PATH = "/test/filter-failure";

    @Bean
    SecurityFilterChain access(HttpSecurity http, ServletProblemSecurityResponses problems) throws Exception {
        return http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/test/secured/admin").hasRole("ADMIN")
                        .requestMatchers("/test/secured/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationEntryPoint(problems.authenticationEntryPoint())
                        .accessDeniedHandler(problems.accessDeniedHandler())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(token -> new JwtAuthenticationToken(token,
                                List.of(new SimpleGrantedAuthority("ROLE_MEMBER")), token.getSubject()))))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems.authenticationEntryPoint())
                        .accessDeniedHandler(problems.accessDeniedHandler()))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** Accepts {@value #MEMBER_TOKEN} only, as a member's token would be. */
    @Bean
    JwtDecoder jwtDecoder() {
        return token -> {
            if (!MEMBER_TOKEN.equals(token)) {
                throw new BadJwtException("not a token of this test");
            }
            return Jwt.withTokenValue(token).header("alg", "none").subject("member-1")
                    .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        };
    }

    /** Fails before any handler is chosen: only the error dispatch to /error can answer. */
    @Bean
    Filter failingFilter() {
        return (request, response, chain) -> {
            if (FAILING_FILTER_PATH.equals(((jakarta.servlet.http.HttpServletRequest) request).getRequestURI())) {
                throw new IOException("secret: filter broke");
            }
            chain.doFilter(request, response);
        };
    }
}
