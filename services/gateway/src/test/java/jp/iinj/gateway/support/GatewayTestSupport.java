package jp.iinj.gateway.support;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import jp.iinj.contracts.access.TokenClaims;
import jp.iinj.testing.tokens.TestTokenIssuer;

import reactor.netty.http.client.HttpClient;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The running gateway (random port) in front of fake services: {@link #MEMBER_REGISTRY}, {@link #IDENTITY} (and {@link #PORTAL}),
 * which also serves {@link #ISSUER}'s JWKS. Shared by every IT with the same settings (one Spring context). The
 * strict registration and sign-in limits are lifted here, since all tests come from 127.0.0.1; {@code RateLimitIT}
 * has its own context with small limits. Responses carry the id of the route taken in {@code X-Test-Route}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "iinj.gateway.rate-limits.routes.member-registration.capacity=100000",
        "iinj.gateway.rate-limits.routes.member-registration.refill-tokens=100000",
        "iinj.gateway.rate-limits.routes.identity-sign-in.capacity=100000",
        "iinj.gateway.rate-limits.routes.identity-sign-in.refill-tokens=100000",
        "logging.structured.format.console=",
})
@Import(RouteIdHeaderConfiguration.class)
public abstract class GatewayTestSupport {

    public static final String ROUTE_HEADER = RouteIdHeaderConfiguration.ROUTE_HEADER;

    protected static final TestTokenIssuer ISSUER = TestTokenIssuer.start();
    protected static final FakeService MEMBER_REGISTRY = FakeService.start("member-registry");
    protected static final FakeService IDENTITY = FakeService.start("identity");
    protected static final FakeService PORTAL = FakeService.start("portal");
    protected static final FakeService BUSINESS_MATCHING = FakeService.start("business-matching");
    protected static final FakeService COORDINATION = FakeService.start("coordination");
    protected static final FakeService EVENT_FEEDS = FakeService.start("event-feeds");

    static {
        IDENTITY.answer("/oauth2/jwks", ISSUER.jwks());
    }

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("iinj.gateway.services.member-registry", MEMBER_REGISTRY::url);
        registry.add("iinj.gateway.services.identity", IDENTITY::url);
        registry.add("iinj.gateway.services.portal", PORTAL::url);
        registry.add("iinj.gateway.services.business-matching", BUSINESS_MATCHING::url);
        registry.add("iinj.gateway.services.coordination", COORDINATION::url);
        registry.add("iinj.gateway.services.event-feeds", EVENT_FEEDS::url);
    }

    protected WebTestClient client() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15))
                .build();
    }

    /** A client whose connections come from another loopback address, i.e. another client IP. */
    protected WebTestClient clientFrom(String loopbackAddress) {
        HttpClient httpClient = HttpClient.create().bindAddress(() -> new InetSocketAddress(loopbackAddress, 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(httpClient))
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15))
                .build();
    }

    /** A valid token of {@link #ISSUER}; role names are not checked, so unknown roles can be tested too. */
    protected static String token(String subject, String... roles) {
        return tokenFor(subject, roles).sign();
    }

    protected static TestTokenIssuer.Token tokenFor(String subject, String... roles) {
        return ISSUER.token(subject).claim(TokenClaims.ROLES, List.of(roles));
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }
}
