package jp.iinj.gateway.authentication;

import jp.iinj.gateway.support.Echo;
import jp.iinj.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Access tokens at the edge: validated against the issuer's JWKS, forwarded unchanged, refused as problems. */
class AuthenticationIT extends GatewayTestSupport {

    private static final String MEMBER_PATH = "/api/members/organisations/3f0c";

    @Test
    void noTokenIsAnUnauthorizedProblem() {
        expectUnauthorized(client().get().uri(MEMBER_PATH).exchange(), "Bearer");
    }

    @Test
    void validTokenPassesAndIsForwardedUnchanged() {
        String token = token("member-1", "MEMBER");

        Echo echo = client().get().uri(MEMBER_PATH)
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Echo.class).returnResult().getResponseBody();

        assertThat(echo.service()).isEqualTo("member-registry");
        assertThat(echo.headerValues(HttpHeaders.AUTHORIZATION)).containsExactly(bearer(token));
    }

    @Test
    void expiredTokenIsRefused() {
        expectUnauthorized(client().get().uri(MEMBER_PATH)
                .header(HttpHeaders.AUTHORIZATION, bearer(tokenFor("member-1", "MEMBER").expired().sign()))
                .exchange(), "Bearer error=\"invalid_token\"");
    }

    @Test
    void forgedSignatureIsRefused() {
        expectUnauthorized(client().get().uri(MEMBER_PATH)
                .header(HttpHeaders.AUTHORIZATION, bearer(tokenFor("member-1", "ADMIN").signWithUnknownKey()))
                .exchange(), "Bearer error=\"invalid_token\"");
    }

    @Test
    void unknownKeyIdIsRefused() {
        expectUnauthorized(client().get().uri(MEMBER_PATH)
                .header(HttpHeaders.AUTHORIZATION, bearer(tokenFor("member-1", "ADMIN").signWithUnknownKeyId()))
                .exchange(), "Bearer error=\"invalid_token\"");
    }

    @Test
    void garbageTokenIsRefused() {
        expectUnauthorized(client().get().uri(MEMBER_PATH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt")
                .exchange(), "Bearer error=\"invalid_token\"");
    }

    @Test
    void invalidTokenOnAnAnonymousPathIsRefusedNotIgnored() {
        expectUnauthorized(client().post().uri("/api/members/organisations")
                .header(HttpHeaders.AUTHORIZATION, bearer(tokenFor("member-1", "MEMBER").expired().sign()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange(), "Bearer error=\"invalid_token\"");
        assertThat(MEMBER_REGISTRY.received()).noneMatch(echo ->
                bearer(tokenFor("member-1", "MEMBER").expired().sign()).equals(echo.header(HttpHeaders.AUTHORIZATION)));
    }

    @Test
    void clientCredentialsOnTheTokenEndpointAreNotMistakenForBearerTokens() {
        Echo echo = client().post().uri("/oauth2/token")
                .header(HttpHeaders.AUTHORIZATION, "Basic cG9ydGFsOnNlY3JldA==")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("grant_type=client_credentials")
                .exchange()
                .expectStatus().isOk()
                .expectBody(Echo.class).returnResult().getResponseBody();

        assertThat(echo.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Basic cG9ydGFsOnNlY3JldA==");
    }

    @Test
    void issuerDownIsAProblemNeverA500() {
        // the JWKS is fetched once and cached: make sure it is, then take the issuer away
        String cachedKeyToken = token("member-1", "MEMBER");
        client().get().uri(MEMBER_PATH).header(HttpHeaders.AUTHORIZATION, bearer(cachedKeyToken))
                .exchange().expectStatus().isOk();
        IDENTITY.stop();
        try {
            // an unknown key id makes the gateway fetch the JWKS again, which fails: the token cannot be checked,
            // which is the gateway's problem (503), not the client's (401)
            client().get().uri(MEMBER_PATH)
                    .header(HttpHeaders.AUTHORIZATION, bearer(tokenFor("member-2", "MEMBER").signWithUnknownKeyId()))
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://iinj.jp/problems/service-unavailable")
                    .jsonPath("$.status").isEqualTo(503)
                    .jsonPath("$.correlationId").isNotEmpty();

            // tokens signed with keys the gateway already holds keep working while the issuer is down
            client().get().uri(MEMBER_PATH).header(HttpHeaders.AUTHORIZATION, bearer(cachedKeyToken))
                    .exchange().expectStatus().isOk();
        } finally {
            IDENTITY.restart();
        }
    }

    private static void expectUnauthorized(WebTestClient.ResponseSpec response, String challenge) {
        response.expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .expectHeader().exists("X-Correlation-Id")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://iinj.jp/problems/unauthorized")
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.instance").isNotEmpty()
                .jsonPath("$.correlationId").isNotEmpty();
    }
}
