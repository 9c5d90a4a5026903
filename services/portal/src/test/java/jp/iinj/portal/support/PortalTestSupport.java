package jp.iinj.portal.support;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The portal with a {@link StubGateway} in place of the platform, no browser: pages rendered by the real controllers
 * and templates, API calls answered by the stub. {@link #as(Map)} signs a person in (an OIDC login with the
 * platform's claims; the stub receives Spring Security's test access token, {@code Bearer access-token}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "logging.structured.format.console=",
        "spring.thymeleaf.cache=false",
})
@AutoConfigureWebTestClient(timeout = "30s")
public abstract class PortalTestSupport {

    protected static final StubGateway GATEWAY = StubGateway.start();

    @Autowired
    protected WebTestClient web;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("iinj.portal.gateway-url", GATEWAY::url);
        registry.add("iinj.portal.issuer", GATEWAY::url);
    }

    @BeforeEach
    void freshGateway() {
        GATEWAY.reset();
    }

    /** A client signed in with these ID-token claims (sub, name, email, roles, member_ids, bureaus). */
    protected WebTestClient as(Map<String, Object> claims) {
        return web.mutateWith(person(claims)).mutateWith(csrf());
    }

    protected static OidcLoginMutator person(Map<String, Object> claims) {
        String subject = (String) claims.getOrDefault("sub", "person-1");
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token-of-" + subject)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600))
                .claims(values -> values.putAll(claims))
                .subject(subject)
                .build();
        return mockOidcLogin().idToken(token -> token.claims(values -> values.putAll(idToken.getClaims())))
                .authorities(((List<?>) claims.getOrDefault("roles", List.of())).stream()
                        .map(role -> new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_" + role))
                        .toArray(org.springframework.security.core.GrantedAuthority[]::new));
    }

    protected static Map<String, Object> owner(String memberId) {
        return Map.of("sub", "owner-1", "name", "山田 太郎", "email", "yamada@example.jp",
                "roles", List.of("MEMBER"), "member_ids", List.of(memberId), "bureaus", List.of());
    }

    protected static Map<String, Object> regionalBody(String... bureaus) {
        return Map.of("sub", "region-1", "name", "関東 花子", "email", "kanto@example.jp",
                "roles", List.of("REGIONAL_BODY"), "member_ids", List.of(), "bureaus", List.of(bureaus));
    }

    protected static Map<String, Object> administrator() {
        return Map.of("sub", "admin-1", "name", "Administrator", "email", "admin@example.jp",
                "roles", List.of("ADMIN"), "member_ids", List.of(), "bureaus", List.of());
    }
}
