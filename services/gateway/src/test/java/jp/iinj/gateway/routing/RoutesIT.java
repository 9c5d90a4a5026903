package jp.iinj.gateway.routing;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jp.iinj.gateway.support.Echo;
import jp.iinj.gateway.support.FakeService;
import jp.iinj.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the running gateway reaches its service. Routes configured under a prefix the gateway does not
 * read (e.g. the pre-Boot-4 {@code spring.cloud.gateway.routes}) simply do not exist and answer 404: this test then
 * fails, and so does adding a route without a case here.
 */
class RoutesIT extends GatewayTestSupport {

    /** How to reach a route and where the request must arrive. */
    record RouteCase(String routeId, HttpMethod method, String path, FakeService service, String servicePath) {

        @Override
        public String toString() {
            return routeId + ": " + method + " " + path + " -> " + service.name() + " " + servicePath;
        }
    }

    static Stream<RouteCase> routeCases() {
        return Stream.of(
                new RouteCase("member-registration", HttpMethod.POST, "/api/members/organisations",
                        MEMBER_REGISTRY, "/api/members/organisations"),
                new RouteCase("member-imports", HttpMethod.POST, "/api/members/imports",
                        MEMBER_REGISTRY, "/api/members/imports"),
                new RouteCase("member-registry", HttpMethod.GET, "/api/members/imports/3f0c",
                        MEMBER_REGISTRY, "/api/members/imports/3f0c"),
                new RouteCase("member-registry", HttpMethod.GET, "/api/members/organisations/3f0c",
                        MEMBER_REGISTRY, "/api/members/organisations/3f0c"),
                new RouteCase("member-registry", HttpMethod.PUT, "/api/members/organisations/3f0c",
                        MEMBER_REGISTRY, "/api/members/organisations/3f0c"),
                new RouteCase("member-registry-api-docs", HttpMethod.GET, "/api-docs/member-registry",
                        MEMBER_REGISTRY, "/v3/api-docs"),
                new RouteCase("identity-sign-in", HttpMethod.POST, "/login", IDENTITY, "/login"),
                new RouteCase("identity-sign-in", HttpMethod.POST, "/oauth2/token", IDENTITY, "/oauth2/token"),
                new RouteCase("identity-sign-in", HttpMethod.POST, "/api/identity/first-administrator",
                        IDENTITY, "/api/identity/first-administrator"),
                new RouteCase("identity", HttpMethod.GET, "/api/identity/first-administrator/setup",
                        IDENTITY, "/api/identity/first-administrator/setup"),
                new RouteCase("identity", HttpMethod.GET, "/login", IDENTITY, "/login"),
                new RouteCase("identity", HttpMethod.GET, "/oauth2/authorize", IDENTITY, "/oauth2/authorize"),
                new RouteCase("identity", HttpMethod.GET, "/.well-known/openid-configuration",
                        IDENTITY, "/.well-known/openid-configuration"),
                new RouteCase("identity", HttpMethod.GET, "/userinfo", IDENTITY, "/userinfo"),
                new RouteCase("identity", HttpMethod.POST, "/logout", IDENTITY, "/logout"),
                new RouteCase("identity", HttpMethod.GET, "/connect/logout", IDENTITY, "/connect/logout"),
                new RouteCase("identity", HttpMethod.POST, "/api/identity/sign-ups", IDENTITY, "/api/identity/sign-ups"),
                new RouteCase("identity-api-docs", HttpMethod.GET, "/api-docs/identity", IDENTITY, "/v3/api-docs"),
                new RouteCase("portal-imports", HttpMethod.POST, "/regional/imports", PORTAL, "/regional/imports"),
                new RouteCase("portal", HttpMethod.GET, "/matching/proposals", PORTAL, "/matching/proposals"),
                new RouteCase("portal", HttpMethod.GET, "/coordination/cases/c-1", PORTAL, "/coordination/cases/c-1"),
                new RouteCase("business-matching", HttpMethod.POST, "/api/matching/profiles",
                        BUSINESS_MATCHING, "/api/matching/profiles"),
                new RouteCase("business-matching", HttpMethod.GET, "/api/matching/members/3f0c/proposals",
                        BUSINESS_MATCHING, "/api/matching/members/3f0c/proposals"),
                new RouteCase("business-matching-api-docs", HttpMethod.GET, "/api-docs/business-matching",
                        BUSINESS_MATCHING, "/v3/api-docs"),
                new RouteCase("coordination", HttpMethod.GET, "/api/coordination/coordinators",
                        COORDINATION, "/api/coordination/coordinators"),
                new RouteCase("coordination", HttpMethod.POST, "/api/coordination/cases/c-1/acceptance",
                        COORDINATION, "/api/coordination/cases/c-1/acceptance"),
                new RouteCase("coordination-api-docs", HttpMethod.GET, "/api-docs/coordination",
                        COORDINATION, "/v3/api-docs"),
                new RouteCase("event-feeds", HttpMethod.GET, "/api/feeds/events", EVENT_FEEDS, "/api/feeds/events"),
                new RouteCase("event-feeds-api-docs", HttpMethod.GET, "/api-docs/event-feeds",
                        EVENT_FEEDS, "/v3/api-docs"),
                new RouteCase("portal", HttpMethod.GET, "/", PORTAL, "/"),
                new RouteCase("portal", HttpMethod.GET, "/assets/portal.css", PORTAL, "/assets/portal.css"),
                new RouteCase("portal", HttpMethod.GET, "/callback", PORTAL, "/callback"),
                new RouteCase("portal", HttpMethod.POST, "/register", PORTAL, "/register"),
                new RouteCase("portal", HttpMethod.GET, "/account/password", PORTAL, "/account/password"),
                new RouteCase("portal", HttpMethod.GET, "/organisations/3f0c/profile", PORTAL, "/organisations/3f0c/profile"),
                new RouteCase("portal", HttpMethod.GET, "/regional/applications", PORTAL, "/regional/applications"));
    }

    @Autowired
    RouteLocator routeLocator;

    @Test
    void everyConfiguredRouteHasACase() {
        Set<String> configured = routeLocator.getRoutes().map(Route::getId).collect(Collectors.toCollection(TreeSet::new)).block();
        Set<String> covered = routeCases().map(RouteCase::routeId).collect(Collectors.toCollection(TreeSet::new));

        assertThat(configured).as("routes of the running gateway").isNotEmpty();
        assertThat(covered).as("route cases of this test").isEqualTo(configured);
    }

    @ParameterizedTest
    @MethodSource("routeCases")
    void routeReachesItsService(RouteCase route) {
        Echo echo = client().method(route.method()).uri(route.path() + "?page=2")
                .header(HttpHeaders.AUTHORIZATION, bearer(token("routes-user", "ADMIN")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(ROUTE_HEADER, route.routeId())
                .expectBody(Echo.class).returnResult().getResponseBody();

        assertThat(echo.service()).isEqualTo(route.service().name());
        assertThat(echo.method()).isEqualTo(route.method().name());
        assertThat(echo.path()).isEqualTo(route.servicePath());
        assertThat(echo.query()).isEqualTo("page=2");
        assertThat(echo.bodyLength()).isEqualTo(2);
    }

    @Test
    void servicesLearnTheAddressTheCallerUsedAndNeverACallersForgery() {
        Echo echo = client().get().uri("/.well-known/openid-configuration")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "host=evil.example;proto=https")
                .exchange()
                .expectStatus().isOk()
                .expectBody(Echo.class).returnResult().getResponseBody();

        assertThat(echo.headerValues("x-forwarded-host")).containsExactly("127.0.0.1:" + port);
        assertThat(echo.header("x-forwarded-proto")).isEqualTo("http");
        assertThat(echo.header("x-forwarded-port")).isEqualTo(Integer.toString(port));
        assertThat(echo.header("x-forwarded-for")).isEqualTo("127.0.0.1");
        assertThat(echo.headerValues("forwarded")).isEmpty();
    }

    @Test
    void unknownPathIsANotFoundProblem() {
        client().get().uri("/api/nothing-here")
                .header(HttpHeaders.AUTHORIZATION, bearer(token("routes-user", "MEMBER")))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://iinj.jp/problems/not-found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.instance").isEqualTo("/api/nothing-here")
                .jsonPath("$.correlationId").isNotEmpty();
    }

    @Test
    void unreachableServiceIsAServiceUnavailableProblemNotA500() {
        IDENTITY.stop();
        try {
            client().get().uri("/.well-known/openid-configuration")
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://iinj.jp/problems/service-unavailable")
                    .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).doesNotContain("127.0.0.1"))
                    .jsonPath("$.correlationId").isNotEmpty();
        } finally {
            IDENTITY.restart();
        }
    }
}
