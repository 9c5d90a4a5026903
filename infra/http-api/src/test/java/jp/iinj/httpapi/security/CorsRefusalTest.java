package jp.iinj.httpapi.security;

import jp.iinj.httpapi.testapp.HttpApiTest;
import jp.iinj.httpapi.testapp.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** CORS through {@code ProblemSecurityResponses.corsFilter}: other origins get a 403 problem, allowed ones CORS. */
@HttpApiTest
class CorsRefusalTest {

    private static final String EVIL = "https://evil.example";

    @Autowired
    WebTestClient client;

    @Test
    void aPreflightFromAnotherOriginIsAForbiddenProblem() {
        refused(client.options().uri("/test/correlation")
                .header(HttpHeaders.ORIGIN, EVIL)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange());
    }

    @Test
    void aRequestFromAnotherOriginIsAForbiddenProblem() {
        refused(client.get().uri("/test/correlation").header(HttpHeaders.ORIGIN, EVIL).exchange());
    }

    @Test
    void anAllowedOriginGetsCors() {
        client.options().uri("/test/correlation")
                .header(HttpHeaders.ORIGIN, TestApplication.ALLOWED_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, TestApplication.ALLOWED_ORIGIN);
        client.get().uri("/test/correlation").header(HttpHeaders.ORIGIN, TestApplication.ALLOWED_ORIGIN).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, TestApplication.ALLOWED_ORIGIN);
    }

    @Test
    void sameOriginRequestsAreNotCorsAtAll() {
        client.get().uri("/test/correlation").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    private static void refused(WebTestClient.ResponseSpec response) {
        response.expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectBody()
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.type").isEqualTo("https://iinj.jp/problems/forbidden")
                .jsonPath("$.detail").isEqualTo("Cross-origin requests from this origin are not allowed.")
                .jsonPath("$.correlationId").exists();
    }
}
