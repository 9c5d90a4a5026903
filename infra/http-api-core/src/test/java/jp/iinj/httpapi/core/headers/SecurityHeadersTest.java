package jp.iinj.httpapi.core.headers;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class SecurityHeadersTest {

    private static final String PAGE_POLICY = "default-src 'none'; style-src 'self'";

    private final SecurityHeaders headers = new SecurityHeaders(new SecurityHeadersProperties(
            SecurityHeaders.API_CONTENT_SECURITY_POLICY, SecurityHeaders.NO_REFERRER, List.of(
                    new SecurityHeadersProperties.Page(List.of("/login", "/swagger-ui/**"), PAGE_POLICY, null),
                    new SecurityHeadersProperties.Page(List.of("/portal/**"), "default-src 'self'", "strict-origin-when-cross-origin"))));

    @Test
    void everyPathOutsideThePagesGetsTheServicesPolicy() {
        assertThat(headers.forPath("/api/identity/password-resets")).containsOnly(
                entry("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"),
                entry("Referrer-Policy", "no-referrer"));
        assertThat(headers.forPath("/login/else")).containsEntry("Content-Security-Policy", SecurityHeaders.API_CONTENT_SECURITY_POLICY);
    }

    @Test
    void aPageGetsItsPolicyAndTheServicesReferrerPolicyUnlessItNamesOne() {
        assertThat(headers.forPath("/login")).containsEntry("Content-Security-Policy", PAGE_POLICY)
                .containsEntry("Referrer-Policy", "no-referrer");
        assertThat(headers.forPath("/swagger-ui/index.html")).containsEntry("Content-Security-Policy", PAGE_POLICY);
        assertThat(headers.forPath("/portal/members")).containsEntry("Referrer-Policy", "strict-origin-when-cross-origin");
    }
}
