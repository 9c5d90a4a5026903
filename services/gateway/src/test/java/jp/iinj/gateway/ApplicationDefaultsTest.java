package jp.iinj.gateway;

import jp.iinj.contracts.access.PlatformRole;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jp.iinj.gateway.authentication.JwtProperties;
import jp.iinj.gateway.authorization.AccessProperties;
import jp.iinj.gateway.authorization.AccessRule;
import jp.iinj.gateway.bodylimit.BodyLimitProperties;
import jp.iinj.gateway.ratelimiting.RateLimitProperties;
import jp.iinj.gateway.ratelimiting.RateLimitProperties.KeyType;
import jp.iinj.gateway.security.CorsProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defaults in application.yml are what the README promises (the ITs lift some of them, e.g. the registration
 * limit, so they are pinned here).
 */
class ApplicationDefaultsTest {

    private static Binder binder;
    private static StandardEnvironment environment;

    @BeforeAll
    static void load() throws IOException {
        environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(source -> environment.getPropertySources().addLast(source));
        binder = Binder.get(environment);
    }

    @Test
    void portAndServices() {
        assertThat(environment.getProperty("server.port")).isEqualTo("8100");
        assertThat(environment.getProperty("iinj.gateway.services.member-registry")).isEqualTo("http://localhost:8101");
        assertThat(environment.getProperty("iinj.gateway.services.identity")).isEqualTo("http://localhost:8105");
        assertThat(bind("iinj.gateway.jwt", JwtProperties.class).jwkSetUri())
                .hasToString("http://localhost:8105/oauth2/jwks");
    }

    @Test
    void routesAreUnderTheGatewayFivePrefix() {
        assertThat(environment.getProperty("spring.cloud.gateway.server.webflux.routes[0].id")).isNotNull();
        assertThat(environment.containsProperty("spring.cloud.gateway.routes[0].id")).isFalse();
        assertThat(environment.containsProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")).isFalse();
    }

    @Test
    void rateLimits() {
        RateLimitProperties limits = bind("iinj.gateway.rate-limits", RateLimitProperties.class);

        assertThat(limits.enabled()).isTrue();
        assertThat(limits.general()).isEqualTo(new RateLimitProperties.Limit(100, 50, Duration.ofSeconds(1), KeyType.PRINCIPAL_OR_IP));
        assertThat(limits.routes().get("member-registration"))
                .isEqualTo(new RateLimitProperties.Limit(5, 5, Duration.ofMinutes(1), KeyType.IP));
        assertThat(limits.routes().get("identity-sign-in"))
                .isEqualTo(new RateLimitProperties.Limit(10, 10, Duration.ofMinutes(1), KeyType.IP));
    }

    @Test
    void bodyLimits() {
        BodyLimitProperties limits = bind("iinj.gateway.body-limits", BodyLimitProperties.class);

        assertThat(limits.general()).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(limits.routes()).containsEntry("member-registration", DataSize.ofKilobytes(64));
        // the member registry refuses imports over 64 MB itself (iinj.imports.max-size)
        assertThat(limits.routes()).containsEntry("member-imports", DataSize.ofMegabytes(64));
    }

    @Test
    void accessTable() {
        List<AccessRule> rules = bind("iinj.gateway.access", AccessProperties.class).rules();

        assertThat(rules).anySatisfy(rule -> {
            assertThat(rule.paths()).containsExactly("/api/members/organisations");
            assertThat(rule.methods()).containsExactly("POST");
            assertThat(rule.isAnonymous()).isTrue();
        });
        assertThat(rules).anySatisfy(rule -> {
            assertThat(rule.paths()).containsExactly("/api/members/imports", "/api/members/imports/**");
            assertThat(rule.roles()).containsExactly(PlatformRole.REGIONAL_BODY, PlatformRole.ADMIN);
        });
        assertThat(rules).anySatisfy(rule -> {
            assertThat(rule.paths()).containsExactly("/api/identity/admin/**");
            assertThat(rule.roles()).containsExactly(PlatformRole.ADMIN);
        });
        // first match wins: the public cluster catalogue comes before the members' area that needs a token
        int clusterReads = indexOf(rules, "/api/members/clusters/**", "GET");
        assertThat(rules.get(clusterReads).isAnonymous()).isTrue();
        assertThat(clusterReads).isLessThan(indexOf(rules, "/api/members/**", "GET"));
        assertThat(rules.get(indexOf(rules, "/api/members/clusters", "PUT")).roles()).containsExactly(PlatformRole.ADMIN);
    }

    @Test
    void cors() {
        CorsProperties cors = bind("iinj.gateway.cors", CorsProperties.class);

        assertThat(cors.allowedOrigins()).containsExactly("http://localhost:8100");
        assertThat(cors.exposedHeaders()).containsExactly("X-Correlation-Id", "Location", "ETag", "Retry-After", "Idempotent-Replayed");
        assertThat(cors.allowedHeaders()).contains("Idempotency-Key", "If-Match");
    }

    private static int indexOf(List<AccessRule> rules, String path, String method) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).paths().contains(path) && rules.get(i).methods().contains(method)) {
                return i;
            }
        }
        throw new AssertionError("no access rule for " + method + " " + path);
    }

    private static <T> T bind(String prefix, Class<T> type) {
        return binder.bindOrCreate(prefix, type);
    }
}
