package jp.iinj.portal.signin;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.iinj.contracts.access.TokenClaims;
import jp.iinj.portal.PortalProperties;
import jp.iinj.portal.language.LanguageCookie;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.AuthorizationCodeReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

import reactor.core.publisher.Mono;

/**
 * Sign-in: OIDC authorization code with PKCE at identity, through the gateway. The tokens stay in the server-side
 * session ({@link WebSessionServerOAuth2AuthorizedClientRepository}); the browser holds only {@value #SESSION_COOKIE}.
 * Paths: {@code GET /sign-in/iinj} starts, identity redirects back to {@code /callback}, {@code POST /sign-out} ends
 * the session here and at identity. Every form is CSRF-protected (Spring Security's default, token in the session).
 */
@Configuration
@EnableWebFluxSecurity
class SignInConfiguration {

    static final String REGISTRATION_ID = "iinj";
    static final String SESSION_COOKIE = "PORTAL_SESSION";
    public static final String SIGN_IN_PATH = "/sign-in/" + REGISTRATION_ID;
    private static final Logger log = LoggerFactory.getLogger(SignInConfiguration.class);

    /** Pages anyone may open; every other page asks the person to sign in. */
    static final String[] PUBLIC_PAGES = {"/", "/assets/**", "/register", "/register/**", "/account/password",
            "/account/invitation", "/account/reset", "/setup", "/language", "/sign-in/**", "/callback", "/signed-out",
            "/actuator/health", "/actuator/health/**", "/error"};

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(PortalProperties portal) {
        ClientRegistration.Builder registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(portal.clientId())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(portal.atGateway("/callback"))
                .scope("openid", "profile")
                .authorizationUri(portal.atGateway("/oauth2/authorize"))
                .tokenUri(portal.atGateway("/oauth2/token"))
                .jwkSetUri(portal.atGateway("/oauth2/jwks"))
                .issuerUri(portal.issuer().toString())
                .userNameAttributeName("sub")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", portal.atGateway("/connect/logout")))
                .clientName("IINJ");
        if (portal.confidential()) {
            registration.clientSecret(portal.clientSecret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        } else {
            registration.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        return new InMemoryReactiveClientRegistrationRepository(registration.build());
    }

    /** In the session, so that any portal instance sharing the session store can call the APIs for the person. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Gets the access token for API calls and, for a confidential portal, refreshes it when it has expired. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
                                                                  ServerOAuth2AuthorizedClientRepository authorizedClients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .provider(new AuthorizationCodeReactiveOAuth2AuthorizedClientProvider())
                .refreshToken()
                .build());
        return manager;
    }

    /** The platform's roles from the ID token as authorities ({@code ROLE_ADMIN}, ...), for the page rules below. */
    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> platformPeople() {
        OidcReactiveOAuth2UserService standard = new OidcReactiveOAuth2UserService();
        return request -> standard.loadUser(request).map(user -> {
            List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
            List<String> roles = user.getClaimAsStringList(TokenClaims.ROLES);
            if (roles != null) {
                roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
            }
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "sub");
        });
    }

    @Bean
    WebSessionIdResolver sessionCookie() {
        CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
        resolver.setCookieName(SESSION_COOKIE);
        // HttpOnly is the resolver's default; Secure follows the scheme the browser used (X-Forwarded-Proto)
        resolver.addCookieInitializer(cookie -> cookie.sameSite("Lax").path("/"));
        return resolver;
    }

    /** The token of a form, also of a multipart one (the CSV upload), where Spring reads none by default. */
    private static XorServerCsrfTokenRequestAttributeHandler csrfTokens() {
        XorServerCsrfTokenRequestAttributeHandler handler = new XorServerCsrfTokenRequestAttributeHandler();
        handler.setTokenFromMultipartDataEnabled(true);
        return handler;
    }

    @Bean
    SecurityWebFilterChain portalSecurity(ServerHttpSecurity http, PortalProperties portal, LanguageCookie languages,
                                          ReactiveClientRegistrationRepository registrations,
                                          ServerOAuth2AuthorizedClientRepository authorizedClients) {
        DefaultServerOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultServerOAuth2AuthorizationRequestResolver(registrations,
                        new PathPatternParserServerWebExchangeMatcher("/sign-in/{registrationId}", HttpMethod.GET));
        // PKCE for the confidential portal too (a public client gets it anyway)
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        OidcClientInitiatedServerLogoutSuccessHandler signedOut = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri(portal.atGateway("/"));

        RedirectServerAuthenticationSuccessHandler toTheLandingPage = new RedirectServerAuthenticationSuccessHandler("/");
        // the language the person chose (identity's "locale" claim) follows them to this browser
        org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler signedIn = (filterExchange, authentication) -> {
            if (authentication.getPrincipal() instanceof OidcUser user && user.getLocale() != null) {
                languages.setLocaleContext(filterExchange.getExchange(),
                        new org.springframework.context.i18n.SimpleLocaleContext(LanguageCookie.supported(user.getLocale())));
            }
            return toTheLandingPage.onAuthenticationSuccess(filterExchange, authentication);
        };
        RedirectServerAuthenticationFailureHandler failed = new RedirectServerAuthenticationFailureHandler("/?sign-in-failed");

        return http
                .authorizeExchange(pages -> pages
                        .pathMatchers(PUBLIC_PAGES).permitAll()
                        .pathMatchers("/regional/**").hasAnyRole(Person.REGIONAL_BODY, Person.ADMIN)
                        .pathMatchers("/admin/**").hasRole(Person.ADMIN)
                        .anyExchange().authenticated())
                .oauth2Login(login -> login
                        .authorizationRequestResolver(authorizationRequests)
                        .authenticationMatcher(new PathPatternParserServerWebExchangeMatcher("/callback", HttpMethod.GET))
                        .authorizedClientRepository(authorizedClients)
                        .authenticationSuccessHandler(signedIn)
                        .authenticationFailureHandler((exchange, error) -> {
                            log.warn("Sign-in failed at the callback: {}", error.getMessage());
                            return failed.onAuthenticationFailure(exchange, error);
                        }))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(new RedirectServerAuthenticationEntryPoint(SIGN_IN_PATH))
                        // a form without its CSRF token (mostly: a page older than its session) or a page of another
                        // role: the error page (templates/error/403.html), not Spring's plain text
                        .accessDeniedHandler((exchange, denied) -> Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN))))
                .csrf(csrf -> csrf
                        .csrfTokenRequestHandler(csrfTokens())
                        .accessDeniedHandler((exchange, denied) -> Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN))))
                .logout(logout -> logout
                        .requiresLogout(new PathPatternParserServerWebExchangeMatcher("/sign-out", HttpMethod.POST))
                        .logoutSuccessHandler(signedOut))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self' "
                                        + URI.create(portal.atGateway("/")).getScheme() + "://"
                                        + URI.create(portal.atGateway("/")).getAuthority() + "; frame-ancestors 'none'"))
                        // same-origin, not no-referrer: under no-referrer a browser posts forms with "Origin: null",
                        // which the gateway refuses as cross-origin; no address leaves the front door either way
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
