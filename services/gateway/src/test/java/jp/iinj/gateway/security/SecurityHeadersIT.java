package jp.iinj.gateway.security;

import jp.iinj.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security headers on the gateway's own answers and on proxied ones; CORS for the configured origins, a 403 problem
 * for the others.
 */
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
    void preflightFromAnotherOriginIsAForbiddenProblem() {
        refusedOrigin(client().options().uri("/api/members/organisations")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange());
        assertThat(MEMBER_REGISTRY.received()).noneMatch(echo -> echo.method().equals("OPTIONS"));
    }

    @Test
    void requestFromAnotherOriginIsAForbiddenProblemAndNeverForwarded() {
        String path = "/api/members/organisations/evil-" + System.nanoTime();
        refusedOrigin(client().get().uri(path)
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.AUTHORIZATION, bearer(token("cors-user", "MEMBER")))
                .exchange());
        assertThat(MEMBER_REGISTRY.received(path)).isEmpty();
    }

    @Test
    void swaggerUiGetsThePolicyItNeeds() {
        client().get().uri("/swagger-ui/index.html").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'self'", "style-src 'self' 'unsafe-inline'", "frame-ancestors 'none'",
                                "object-src 'none'")
                        .doesNotContain("unsafe-eval"));
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

    /** What a JSON answer of the gateway, or of a service that sent none, carries. */
    private static void expectSecurityHeaders(WebTestClient.ResponseSpec response) {
        response.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    private static void refusedOrigin(WebTestClient.ResponseSpec response) {
        // the problem's shape is iinj-http-api's (CorsRefusalTest there)
        response.expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectBody().jsonPath("$.detail").isEqualTo("Cross-origin requests from this origin are not allowed.");
    }
}
