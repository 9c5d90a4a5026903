package jp.iinj.gateway.ratelimiting;

import jp.iinj.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits with small buckets (own Spring context): 2 registrations and 2 sign-ins per IP, 3 other requests
 * per principal or anonymous IP, refilled one per hour. Each test comes from its own loopback addresses, i.e. its
 * own client IPs.
 */
class RateLimitIT extends GatewayTestSupport {

    @DynamicPropertySource
    static void smallLimits(DynamicPropertyRegistry registry) {
        for (String limit : new String[] {"general", "routes.member-registration", "routes.identity-sign-in"}) {
            String prefix = "iinj.gateway.rate-limits." + limit;
            registry.add(prefix + ".capacity", () -> limit.equals("general") ? 3 : 2);
            registry.add(prefix + ".refill-tokens", () -> 1);
            registry.add(prefix + ".refill-period", () -> "1h");
        }
        registry.add("iinj.gateway.forwarders", () -> "127.0.0.10");
    }

    @Test
    void aTrustedForwarderIsCountedPerAddressItNamesAndPassesItOn() {
        WebTestClient portal = clientFrom("127.0.0.10");
        registerFor(portal, "198.51.100.1").expectStatus().isOk();
        registerFor(portal, "198.51.100.1").expectStatus().isOk();
        expectTooManyRequests(registerFor(portal, "198.51.100.1"));
        // another person using the portal has a bucket of their own
        registerFor(portal, "198.51.100.2").expectStatus().isOk();
        assertThat(MEMBER_REGISTRY.received("/api/members/organisations").stream().reduce((first, second) -> second).orElseThrow().header("X-Forwarded-For"))
                .isEqualTo("198.51.100.2");
        // garbage instead of an address counts as the forwarder itself
        registerFor(portal, "not-an-address").expectStatus().isOk();
        assertThat(MEMBER_REGISTRY.received("/api/members/organisations").stream().reduce((first, second) -> second).orElseThrow().header("X-Forwarded-For"))
                .isEqualTo("127.0.0.10");
    }

    @Test
    void anyoneElsesForwardedForIsIgnored() {
        WebTestClient stranger = clientFrom("127.0.0.11");
        registerFor(stranger, "198.51.100.3").expectStatus().isOk();
        registerFor(stranger, "198.51.100.4").expectStatus().isOk();
        expectTooManyRequests(registerFor(stranger, "198.51.100.5"));
        assertThat(MEMBER_REGISTRY.received("/api/members/organisations").stream().reduce((first, second) -> second).orElseThrow().header("X-Forwarded-For"))
                .isEqualTo("127.0.0.11");
    }

    private static WebTestClient.ResponseSpec registerFor(WebTestClient client, String forwardedFor) {
        return client.post().uri("/api/members/organisations").header("X-Forwarded-For", forwardedFor)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
    }

    @Test
    void registrationIsLimitedPerIp() {
        WebTestClient first = clientFrom("127.0.0.2");
        register(first).expectStatus().isOk();
        register(first).expectStatus().isOk();
        int forwarded = MEMBER_REGISTRY.received("/api/members/organisations").size();

        expectTooManyRequests(register(first));
        // per IP even with a token: a registration bot cannot get fresh buckets by minting accounts
        expectTooManyRequests(first.post().uri("/api/members/organisations")
                .header(HttpHeaders.AUTHORIZATION, bearer(token("rate-registrant", "MEMBER")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange());
        assertThat(MEMBER_REGISTRY.received("/api/members/organisations")).hasSize(forwarded);

        register(clientFrom("127.0.0.3")).expectStatus().isOk();
    }

    @Test
    void signInIsLimitedPerIpApartFromOtherRequests() {
        WebTestClient client = clientFrom("127.0.0.4");
        signIn(client).expectStatus().isOk();
        signIn(client).expectStatus().isOk();
        expectTooManyRequests(signIn(client));

        // the login page itself is under the general limit
        client.get().uri("/login").exchange().expectStatus().isOk();
        signIn(clientFrom("127.0.0.5")).expectStatus().isOk();
    }

    @Test
    void theFirstAdministratorsSetUpCountsAsSignIn() {
        WebTestClient client = clientFrom("127.0.0.12");
        signIn(client).expectStatus().isOk();
        firstAdministrator(client).expectStatus().isOk();
        // the set-up token is guessed no faster than a password
        expectTooManyRequests(firstAdministrator(client));
        expectTooManyRequests(signIn(client));
    }

    private static WebTestClient.ResponseSpec firstAdministrator(WebTestClient client) {
        return client.post().uri("/api/identity/first-administrator")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
    }

    @Test
    void generalLimitIsPerPrincipal() {
        WebTestClient client = clientFrom("127.0.0.6");
        String alice = bearer(token("rate-alice", "MEMBER"));
        for (int i = 0; i < 3; i++) {
            read(client, alice).expectStatus().isOk();
        }
        expectTooManyRequests(read(client, alice));
        // from another IP too: the key is the principal
        expectTooManyRequests(read(clientFrom("127.0.0.7"), alice));

        read(client, bearer(token("rate-bob", "MEMBER"))).expectStatus().isOk();
        client.get().uri("/.well-known/openid-configuration").exchange().expectStatus().isOk();
    }

    @Test
    void generalLimitIsPerIpWhenAnonymous() {
        WebTestClient client = clientFrom("127.0.0.8");
        for (int i = 0; i < 3; i++) {
            client.get().uri("/.well-known/openid-configuration").exchange().expectStatus().isOk();
        }
        expectTooManyRequests(client.get().uri("/.well-known/openid-configuration").exchange());

        clientFrom("127.0.0.9").get().uri("/.well-known/openid-configuration").exchange().expectStatus().isOk();
    }

    private static WebTestClient.ResponseSpec register(WebTestClient client) {
        return client.post().uri("/api/members/organisations")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
    }

    private static WebTestClient.ResponseSpec signIn(WebTestClient client) {
        return client.post().uri("/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("username=a&password=b").exchange();
    }

    private static WebTestClient.ResponseSpec read(WebTestClient client, String authorization) {
        return client.get().uri("/api/members/organisations/3f0c").header(HttpHeaders.AUTHORIZATION, authorization).exchange();
    }

    private static void expectTooManyRequests(WebTestClient.ResponseSpec response) {
        response.expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter ->
                        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 3600L))
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://iinj.jp/problems/too-many-requests")
                .jsonPath("$.title").isEqualTo("Too many requests")
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.correlationId").isNotEmpty();
    }
}
