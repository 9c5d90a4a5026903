package jp.iinj.coordination.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.coordination.support.CoordinationIntegrationTest;
import jp.iinj.coordination.support.TestRoster;
import jp.iinj.testing.tokens.TestTokens;

/**
 * Bad input gets a 4xx problem+json (never a 5xx), and nothing stored changes: wrong types, operators where text
 * belongs, oversized text, unknown reference data, fields a client may not set, unknown list parameters, odd ids.
 */
@CoordinationIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

    private static final String COORDINATORS = "/api/coordination/coordinators";
    private static final String VALID = TestRoster.entry("標的 太郎", List.of("kanto"), 5);

    @Autowired
    WebTestClient client;
    @Autowired
    TestRoster roster;
    @Autowired
    ReactiveMongoTemplate mongo;

    String target;

    @BeforeAll
    void target() {
        target = roster.added(TestRoster.newSubject(), "標的 太郎", "kanto");
    }

    static Stream<Arguments> hostileEntries() {
        return Stream.of(
                Arguments.of("no body", ""),
                Arguments.of("not JSON", "name=x"),
                Arguments.of("array", "[]"),
                Arguments.of("operator as name", VALID.replace("\"name\":\"標的 太郎\"", "\"name\":{\"$ne\":null}")),
                Arguments.of("number as name", VALID.replace("\"name\":\"標的 太郎\"", "\"name\":42")),
                Arguments.of("blank name", VALID.replace("\"name\":\"標的 太郎\"", "\"name\":\"  \"")),
                Arguments.of("huge name", VALID.replace("標的 太郎", "長".repeat(101))),
                Arguments.of("control characters", VALID.replace("標的 太郎", "a\\u0000b")),
                Arguments.of("unknown bureau", VALID.replace("[\"kanto\"]", "[\"mars\"]")),
                Arguments.of("operator as bureau", VALID.replace("[\"kanto\"]", "[{\"$gt\":\"\"}]")),
                Arguments.of("no bureau", VALID.replace("[\"kanto\"]", "[]")),
                Arguments.of("unknown prefecture", VALID.replace("\"prefectures\":[]", "\"prefectures\":[\"48\"]")),
                Arguments.of("prefecture of another bureau", VALID.replace("\"prefectures\":[]", "\"prefectures\":[\"47\"]")),
                Arguments.of("unknown technology field", VALID.replace("[\"materials\"]", "[\"alchemy\"]")),
                Arguments.of("JSIC division U", VALID.replace("[\"E\"]", "[\"U\"]")),
                Arguments.of("JSIC group, not division", VALID.replace("[\"E\"]", "[\"29\"]")),
                Arguments.of("language name", VALID.replace("[\"ja\",\"en\"]", "[\"Japanese\"]")),
                Arguments.of("no language", VALID.replace("[\"ja\",\"en\"]", "[]")),
                Arguments.of("capacity 0", VALID.replace("\"capacity\":5", "\"capacity\":0")),
                Arguments.of("capacity 101", VALID.replace("\"capacity\":5", "\"capacity\":101")),
                Arguments.of("capacity as text", VALID.replace("\"capacity\":5", "\"capacity\":\"5\"")),
                Arguments.of("capacity huge", VALID.replace("\"capacity\":5", "\"capacity\":99999999999999999999")),
                Arguments.of("unknown availability", VALID.replace("\"ACTIVE\"", "\"ON_LEAVE\"")),
                Arguments.of("active with dates", VALID.replace("{\"status\":\"ACTIVE\"}",
                        "{\"status\":\"ACTIVE\",\"from\":\"2026-01-01\",\"to\":\"2026-01-02\"}")),
                Arguments.of("away without dates", VALID.replace("\"ACTIVE\"", "\"AWAY\"")),
                Arguments.of("away backwards", VALID.replace("{\"status\":\"ACTIVE\"}",
                        "{\"status\":\"AWAY\",\"from\":\"2026-01-02\",\"to\":\"2026-01-01\"}")),
                Arguments.of("bad date", VALID.replace("{\"status\":\"ACTIVE\"}",
                        "{\"status\":\"AWAY\",\"from\":\"tomorrow\",\"to\":\"2026-01-01\"}")),
                Arguments.of("mass assignment of active", VALID.replace("{\"name\"", "{\"active\":false,\"name\"")),
                Arguments.of("mass assignment of revision", VALID.replace("{\"name\"", "{\"revision\":99,\"name\"")),
                Arguments.of("duplicate key", VALID.replace("{\"name\"", "{\"capacity\":1,\"name\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileEntries")
    void aHostileNewEntryIsAProblemAndStoresNothing(String name, String entry) {
        long before = rosterSize();
        String body = entry.isEmpty() || entry.equals("name=x") || entry.equals("[]") ? entry
                : TestRoster.newCoordinator(TestRoster.newSubject(), entry);
        client.post().uri(COORDINATORS).headers(h -> h.setBearerAuth(TestTokens.admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().is4xxClientError()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(rosterSize()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileEntries")
    void aHostileChangeIsAProblemAndChangesNothing(String name, String entry) {
        client.put().uri(COORDINATORS + "/{id}", target).headers(h -> {
                    h.setBearerAuth(TestTokens.admin());
                    h.setIfMatch("\"0\"");
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(entry)
                .exchange().expectStatus().is4xxClientError()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertTargetUnchanged();
    }

    @Test
    void hostileSubjectsListsAndIdsAreProblems() {
        for (String subject : List.of("", "has space", "../etc", "{\\\"$ne\\\":1}", "x".repeat(129))) {
            client.post().uri(COORDINATORS).headers(h -> h.setBearerAuth(TestTokens.admin()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(TestRoster.newCoordinator(subject, VALID))
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        for (String query : List.of("?sort=name", "?bureau=kanto&bureau=kinki", "?bureau=%24ne", "?bureau",
                "?active=yes", "?limit=0", "?limit=501", "?limit=-1", "?limit=1e3", "?" + "p".repeat(300) + "=1")) {
            client.get().uri(COORDINATORS + query).headers(h -> h.setBearerAuth(TestTokens.admin()))
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        for (String path : List.of("/%7B%22%24ne%22%3A1%7D", "/..%2F..", "/%24where", "/" + "x".repeat(2000))) {
            client.get().uri(COORDINATORS + path).headers(h -> h.setBearerAuth(TestTokens.admin())).exchange()
                    .expectStatus().is4xxClientError();
        }
        for (String ifMatch : List.of("*", "W/\"0\"", "\"0\", \"1\"", "0", "\"-1\"")) {
            client.put().uri(COORDINATORS + "/{id}", target).headers(h -> {
                        h.setBearerAuth(TestTokens.admin());
                        h.set("If-Match", ifMatch);
                    })
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(TestRoster.entry("乗っ取り", List.of("kanto"), 99))
                    .exchange().expectStatus().isEqualTo(412)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        client.post().uri(COORDINATORS + "/{id}/deactivation", target).headers(h -> {
                    h.setBearerAuth(TestTokens.admin());
                    h.set("If-Match", "W/\"0\"");
                })
                .exchange().expectStatus().isEqualTo(412);
        assertTargetUnchanged();
    }

    private void assertTargetUnchanged() {
        client.get().uri(COORDINATORS + "/{id}", target).headers(h -> h.setBearerAuth(TestTokens.admin()))
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.name").isEqualTo("標的 太郎")
                .jsonPath("$.capacity").isEqualTo(10)
                .jsonPath("$.active").isEqualTo(true);
    }

    private long rosterSize() {
        return mongo.count(new Query(), Coordinator.class).block();
    }
}
