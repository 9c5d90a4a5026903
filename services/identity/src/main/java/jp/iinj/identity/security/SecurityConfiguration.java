package jp.iinj.identity.security;

import java.util.Set;

import jakarta.servlet.DispatcherType;
import jp.iinj.httpapi.core.access.PlatformPrincipal;
import jp.iinj.identity.IdentityProperties;
import jp.iinj.httpapi.servlet.ServletProblemSecurityResponses;
import jp.iinj.identity.accounts.AccountAuthenticationProvider;
import jp.iinj.identity.signinthrottle.SignInThrottle;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Three filter chains, first match wins:
 * <ol>
 *   <li>the authorization server's endpoints ({@code /oauth2/**}, {@code /.well-known/**}, {@code /userinfo}, …):
 *       a browser that is not signed in is sent to {@code /login};</li>
 *   <li>the JSON API {@code /api/identity/**}, its OpenAPI document and the actuator: stateless, bearer tokens
 *       of this very issuer (verified against its own keys), problems for 401/403;</li>
 *   <li>everything else, i.e. the form login at {@code /login} against the accounts, with lockout.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer().toString()).build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, SignInThrottle throttle) throws Exception {
        http.oauth2AuthorizationServer(authorizationServer -> {
            http.securityMatcher(authorizationServer.getEndpointsMatcher());
            authorizationServer.oidc(Customizer.withDefaults());
            // failed client authentications count towards the sign-in throttle (SignInThrottleFilter refuses)
            authorizationServer.clientAuthentication(clients -> clients.errorResponseHandler(
                    throttle.clientAuthenticationFailures()));
        });
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated());
        // /userinfo takes the access token
        http.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        http.exceptionHandling(exceptions -> exceptions
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browsers));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ServletProblemSecurityResponses problems) throws Exception {
        http.securityMatcher("/api/identity/**", "/actuator/**", "/v3/api-docs")
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(HttpMethod.POST, "/api/identity/password-resets",
                                "/api/identity/password-resets/*", "/api/identity/invitations/*",
                                "/api/identity/first-administrator").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/identity/first-administrator/setup").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs").permitAll()
                        .requestMatchers("/api/identity/admin/**", "/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationEntryPoint(problems.authenticationEntryPoint())
                        .accessDeniedHandler(problems.accessDeniedHandler())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(token -> new JwtAuthenticationToken(token,
                                PlatformPrincipal.of(token).authorities(), token.getSubject()))))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems.authenticationEntryPoint())
                        .accessDeniedHandler(problems.accessDeniedHandler()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // bearer tokens, no cookies: nothing for CSRF to protect
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain signIn(HttpSecurity http, AccountAuthenticationProvider accounts) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/error", "/login", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                // only this chain signs people in, and only against the accounts (no parent manager)
                .authenticationManager(new ProviderManager(accounts))
                // the form is identity's own page in Japanese or English (signinpage/SignInPageController)
                .formLogin(form -> form.loginPage("/login").permitAll());
        return http.build();
    }
}
