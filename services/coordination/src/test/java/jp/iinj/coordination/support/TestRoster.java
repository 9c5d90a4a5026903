package jp.iinj.coordination.support;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.testing.tokens.TestTokens;

/** Roster entries put on through the API, as an administrator would, and request bodies that tests vary. */
@TestComponent
public class TestRoster {

    private final WebTestClient client;

    public TestRoster(WebTestClient client) {
        // the first request of a fresh JVM (JWKS fetch, cold code) can take longer than the default 5 s on a busy
        // machine, and set-up runs before any warm-up
        this.client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** A fresh identity subject, so that tests never collide on the roster's one-entry-per-person rule. */
    public static String newSubject() {
        return "coordinator-" + UUID.randomUUID();
    }

    /** A valid entry body for {@code PUT}, covering these bureaus. */
    public static String entry(String name, List<String> bureaus, int capacity) {
        return """
                {"name":"%s","bureaus":[%s],"prefectures":[],"technologyFields":["materials"],\
                "jsicDivisions":["E"],"languages":["ja","en"],"capacity":%d,"availability":{"status":"ACTIVE"}}"""
                .formatted(name, String.join(",", bureaus.stream().map(b -> "\"" + b + "\"").toList()), capacity);
    }

    public static String newCoordinator(String subject, String entry) {
        return "{\"subject\":\"" + subject + "\",\"entry\":" + entry + "}";
    }

    /** Puts a coordinator on the roster as an administrator; returns their roster id. */
    public String added(String subject, String name, String... bureaus) {
        return added(subject, entry(name, List.of(bureaus), 10));
    }

    /** Puts a coordinator with this expertise on the roster as an administrator; returns their roster id. */
    public String addedWithExpertise(String subject, String name, List<String> technologyFields, int capacity,
                                     String... bureaus) {
        return added(subject, entry(name, List.of(bureaus), capacity).replace("\"technologyFields\":[\"materials\"]",
                "\"technologyFields\":[" + String.join(",", technologyFields.stream()
                        .map(field -> "\"" + field + "\"").toList()) + "]"));
    }

    private String added(String subject, String entry) {
        return client.post().uri("/api/coordination/coordinators")
                .headers(h -> h.setBearerAuth(TestTokens.admin()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(newCoordinator(subject, entry))
                .exchange().expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody()
                .replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
    }
}
