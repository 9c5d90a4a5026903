package jp.iinj.gateway.security;

import jp.iinj.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Security headers on the gateway's own answers and on proxied ones; CORS for the configured origins. */
class SecurityHeadersIT extends GatewayTestSupport {

    private static final String ALLOWED_ORIGIN = "http://localhost:8100";

    @Test
    void ownPagesCarrySecurityHeaders() {
        expectSecurityHeaders(client().get().uri("/actuator/health").exchange().expectStatus().isOk());
    }

    @Test
    void problemsCarrySecurityHeaders() {
        expectSecurityHeaders(client().get().uri("/api/members/organisations/3f0c").exchange()
                .expectStatus().isUnauthorized());
    }

    @Test
    void proxiedResponsesCarrySecurityHeaders() {
        expectSecurityHeaders(client().get().uri("/.well-known/openid-configuration").exchange().expectStatus().isOk());
    }

    @Test
    void noHstsOverPlainHttp() {
        client().get().uri("/actuator/health").exchange()
                .expectHeader().doesNotExist("Strict-Transport-Security");
    }

    @Test
    void preflightFromAnAllowedOriginIsAnswered() {
        client().options().uri("/api/members/organisations")
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type,authorization,x-correlation-id,idempotency-key")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("POST"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers ->
                        assertThat(headers.toLowerCase()).contains("content-type", "authorization", "x-correlation-id", "idempotency-key"))
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "3600");
        assertThat(MEMBER_REGISTRY.received()).noneMatch(echo -> echo.method().equals("OPTIONS"));
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        client().options().uri("/api/members/organisations")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void crossOriginResponsesExposeTheUsefulHeaders() {
        client().method(HttpMethod.GET).uri("/api/members/organisations/3f0c")
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.AUTHORIZATION, bearer(token("cors-user", "MEMBER")))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed ->
                        assertThat(exposed.toLowerCase()).contains("x-correlation-id", "location", "etag", "retry-after",
                                "idempotent-replayed"));
    }

    private static void expectSecurityHeaders(WebTestClient.ResponseSpec response) {
        response.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                        .doesNotContain("unsafe-eval"));
    }
}
