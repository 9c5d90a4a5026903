package jp.iinj.gateway.authorization;

import java.util.stream.Stream;

import jp.iinj.gateway.support.GatewayTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The default access table of application.yml, row by row: who gets through, who gets which problem. */
class AccessRulesIT extends GatewayTestSupport {

    private static final String NONE = "-";

    static Stream<Arguments> accessTable() {
        return Stream.of(
                // method, path, role of the caller's token (NONE: no token), expected status
                arguments(HttpMethod.POST, "/api/members/organisations", NONE, 200),
                arguments(HttpMethod.POST, "/api/members/organisations", "MEMBER", 200),
                arguments(HttpMethod.GET, "/api/members/organisations/3f0c", NONE, 401),
                arguments(HttpMethod.GET, "/api/members/organisations/3f0c", "MEMBER", 200),
                arguments(HttpMethod.PUT, "/api/members/organisations/3f0c", NONE, 401),
                arguments(HttpMethod.PUT, "/api/members/organisations/3f0c", "COORDINATOR", 200),
                // the cluster catalogue: anyone reads it, administrators maintain it
                arguments(HttpMethod.GET, "/api/members/clusters", NONE, 200),
                arguments(HttpMethod.GET, "/api/members/clusters/3f0c", NONE, 200),
                arguments(HttpMethod.HEAD, "/api/members/clusters/3f0c", NONE, 200),
                arguments(HttpMethod.POST, "/api/members/clusters", NONE, 401),
                arguments(HttpMethod.POST, "/api/members/clusters", "REGIONAL_BODY", 403),
                arguments(HttpMethod.POST, "/api/members/clusters", "ADMIN", 200),
                arguments(HttpMethod.PUT, "/api/members/clusters/3f0c", NONE, 401),
                arguments(HttpMethod.PUT, "/api/members/clusters/3f0c", "MEMBER", 403),
                arguments(HttpMethod.PUT, "/api/members/clusters/3f0c", "ADMIN", 200),
                arguments(HttpMethod.DELETE, "/api/members/clusters/3f0c", "COORDINATOR", 403),
                // the catalogue's rule does not open its neighbours
                arguments(HttpMethod.GET, "/api/members/clusters-export", NONE, 401),
                arguments(HttpMethod.GET, "/api/members/organisations/clusters", NONE, 401),
                // bulk imports and their statuses: regional bodies and administrators only
                arguments(HttpMethod.POST, "/api/members/imports", NONE, 401),
                arguments(HttpMethod.POST, "/api/members/imports", "MEMBER", 403),
                arguments(HttpMethod.POST, "/api/members/imports", "COORDINATOR", 403),
                arguments(HttpMethod.POST, "/api/members/imports", "REGIONAL_BODY", 200),
                arguments(HttpMethod.POST, "/api/members/imports", "ADMIN", 200),
                arguments(HttpMethod.GET, "/api/members/imports/3f0c", NONE, 401),
                arguments(HttpMethod.GET, "/api/members/imports/3f0c", "MEMBER", 403),
                arguments(HttpMethod.GET, "/api/members/imports/3f0c", "REGIONAL_BODY", 200),
                // feeds: regional bodies (their machine clients too) and administrators; the service scopes by bureau
                arguments(HttpMethod.GET, "/api/feeds/events", NONE, 401),
                arguments(HttpMethod.GET, "/api/feeds/events", "MEMBER", 403),
                arguments(HttpMethod.GET, "/api/feeds/events", "COORDINATOR", 403),
                arguments(HttpMethod.GET, "/api/feeds/events", "REGIONAL_BODY", 200),
                arguments(HttpMethod.GET, "/api/feeds/events", "ADMIN", 200),
                arguments(HttpMethod.GET, "/login", NONE, 200),
                arguments(HttpMethod.POST, "/login", NONE, 200),
                arguments(HttpMethod.POST, "/oauth2/token", NONE, 200),
                arguments(HttpMethod.GET, "/.well-known/openid-configuration", NONE, 200),
                arguments(HttpMethod.GET, "/userinfo", NONE, 401),
                arguments(HttpMethod.GET, "/userinfo", "MEMBER", 200),
                arguments(HttpMethod.POST, "/api/identity/sign-ups", NONE, 200),
                arguments(HttpMethod.POST, "/api/identity/password-resets", NONE, 200),
                arguments(HttpMethod.POST, "/api/identity/invitations/abc", NONE, 200),
                // accepting an invitation is anonymous, sending one is not
                arguments(HttpMethod.POST, "/api/identity/invitations", NONE, 401),
                arguments(HttpMethod.POST, "/api/identity/invitations", "MEMBER", 200),
                arguments(HttpMethod.GET, "/api/identity/me", NONE, 401),
                arguments(HttpMethod.GET, "/api/identity/me", "REGIONAL_BODY", 200),
                arguments(HttpMethod.GET, "/api/identity/admin/users", NONE, 401),
                arguments(HttpMethod.GET, "/api/identity/admin/users", "MEMBER", 403),
                arguments(HttpMethod.GET, "/api/identity/admin/users", "COORDINATOR", 403),
                arguments(HttpMethod.GET, "/api/identity/admin/users", "ADMIN", 200),
                arguments(HttpMethod.GET, "/actuator/health", NONE, 200),
                arguments(HttpMethod.GET, "/actuator/prometheus", NONE, 401),
                arguments(HttpMethod.GET, "/actuator/prometheus", "MEMBER", 403),
                arguments(HttpMethod.GET, "/actuator/prometheus", "ADMIN", 200),
                arguments(HttpMethod.GET, "/api-docs/member-registry", NONE, 200),
                arguments(HttpMethod.GET, "/api-docs/identity", NONE, 200),
                arguments(HttpMethod.GET, "/no/such/path", NONE, 401),
                arguments(HttpMethod.GET, "/no/such/path", "MEMBER", 404));
    }

    @ParameterizedTest(name = "{0} {1} as {2}: {3}")
    @MethodSource("accessTable")
    void accessTable(HttpMethod method, String path, String role, int status) {
        WebTestClient.RequestBodySpec request = client().method(method).uri(path);
        if (!NONE.equals(role)) {
            request.header(HttpHeaders.AUTHORIZATION, bearer(token("access-" + role.toLowerCase(), role)));
        }
        WebTestClient.ResponseSpec response = method == HttpMethod.GET || method == HttpMethod.HEAD
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();

        response.expectStatus().isEqualTo(status);
        if (status >= 400) {
            String slug = switch (status) {
                case 401 -> "unauthorized";
                case 403 -> "forbidden";
                case 404 -> "not-found";
                default -> throw new IllegalArgumentException("no slug for " + status);
            };
            response.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://iinj.jp/problems/" + slug)
                    .jsonPath("$.status").isEqualTo(status)
                    .jsonPath("$.correlationId").isNotEmpty();
        }
    }
}
