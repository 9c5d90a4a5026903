package jp.iinj.coordination.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.coordination.support.CoordinationIntegrationTest;
import jp.iinj.coordination.support.TestMatches;
import jp.iinj.coordination.support.TestRoster;
import jp.iinj.testing.tokens.TestTokens;

/**
 * Bad input to the case workflow gets a 4xx problem+json (never a 5xx), and the case does not change: wrong types,
 * operators where text or codes belong, oversized or control text, unknown codes, fields a client may not set,
 * duplicate keys, unknown list parameters, odd ids and If-Match values.
 */
@CoordinationIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseHostileInputIT {

    private static final String CASES = "/api/coordination/cases";

    @Autowired
    WebTestClient client;
    @Autowired
    TestRoster roster;
    @Autowired
    TestMatches matches;
    @Autowired
    ReactiveMongoTemplate mongo;

    String target;
    String coordinatorToken;
    long revision;

    @BeforeAll
    void target() {
        roster.addedWithExpertise(TestRoster.newSubject(), "標的 花子", List.of("nanotechnology"), 10, "hokkaido");
        CoordinationCase opened = matches.opened(TestMatches.match("hokkaido", "hokkaido",
                List.of("nanotechnology")));
        target = opened.id();
        revision = opened.revision();
        coordinatorToken = TestTokens.ISSUER.token(opened.assignment().coordinatorSubject())
                .roles(PlatformRole.COORDINATOR).bureaus(List.of("hokkaido")).sign();
    }

    static Stream<Arguments> hostileBodies() {
        String long1001 = "長".repeat(1001);
        return Stream.of(
                Arguments.of("decline: no body", "decline", ""),
                Arguments.of("decline: not JSON", "decline", "reason=AWAY"),
                Arguments.of("decline: array", "decline", "[]"),
                Arguments.of("decline: operator as reason", "decline", "{\"reason\":{\"$ne\":null}}"),
                Arguments.of("decline: unknown reason", "decline", "{\"reason\":\"BORED\"}"),
                Arguments.of("decline: no reason", "decline", "{\"note\":\"x\"}"),
                Arguments.of("decline: huge note", "decline", "{\"reason\":\"AWAY\",\"note\":\"" + long1001 + "\"}"),
                Arguments.of("decline: control characters", "decline", "{\"reason\":\"AWAY\",\"note\":\"a\\u0000b\"}"),
                Arguments.of("decline: mass assignment", "decline", "{\"reason\":\"AWAY\",\"coordinatorId\":\"x\"}"),
                Arguments.of("decline: duplicate key", "decline", "{\"reason\":\"AWAY\",\"reason\":\"OTHER\"}"),
                Arguments.of("stage: unknown", "stage", "{\"stage\":\"CLOSED\"}"),
                Arguments.of("stage: number", "stage", "{\"stage\":1}"),
                Arguments.of("stage: missing", "stage", "{}"),
                Arguments.of("stage: operator", "stage", "{\"stage\":{\"$gt\":\"\"}}"),
                Arguments.of("closure: unknown outcome", "closure", "{\"outcome\":\"WON\",\"reason\":\"x\"}"),
                Arguments.of("closure: no reason", "closure", "{\"outcome\":\"OTHER\"}"),
                Arguments.of("closure: blank reason", "closure", "{\"outcome\":\"OTHER\",\"reason\":\"   \"}"),
                Arguments.of("closure: huge reason", "closure",
                        "{\"outcome\":\"OTHER\",\"reason\":\"" + "長".repeat(2001) + "\"}"),
                Arguments.of("closure: mass assignment", "closure",
                        "{\"outcome\":\"OTHER\",\"reason\":\"x\",\"closedBy\":\"me\"}"),
                Arguments.of("notes: empty", "notes", "{\"text\":\"\"}"),
                Arguments.of("notes: huge", "notes", "{\"text\":\"" + "長".repeat(4001) + "\"}"),
                Arguments.of("notes: operator", "notes", "{\"text\":{\"$ne\":1}}"),
                Arguments.of("notes: carriage return", "notes", "{\"text\":\"a\\rb\"}"),
                Arguments.of("notes: author set by client", "notes", "{\"text\":\"x\",\"author\":\"someone\"}"),
                Arguments.of("reassignment: coordinator without id", "reassignment", "{\"to\":\"COORDINATOR\"}"),
                Arguments.of("reassignment: queue with id", "reassignment",
                        "{\"to\":\"QUEUE\",\"coordinatorId\":\"" + UUID.randomUUID() + "\"}"),
                Arguments.of("reassignment: path as id", "reassignment",
                        "{\"to\":\"COORDINATOR\",\"coordinatorId\":\"../../x\"}"),
                Arguments.of("reassignment: operator as id", "reassignment",
                        "{\"to\":\"COORDINATOR\",\"coordinatorId\":{\"$ne\":null}}"),
                Arguments.of("reassignment: unknown target", "reassignment", "{\"to\":\"ELSEWHERE\"}"),
                Arguments.of("reassignment: nobody on the roster", "reassignment",
                        "{\"to\":\"COORDINATOR\",\"coordinatorId\":\"" + UUID.randomUUID() + "\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    void aHostileBodyIsAProblemAndChangesNothing(String name, String action, String body) {
        String token = action.equals("decline") || action.equals("stage") ? coordinatorToken : TestTokens.admin();
        client.post().uri(CASES + "/{id}/" + action, target).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().is4xxClientError()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertTargetUnchanged();
    }

    @Test
    void hostileListParametersIdsAndIfMatchValuesAreProblems() {
        for (String query : List.of("?view=all", "?view=queue", "?view=queue&bureau=mars", "?view=QUEUE&bureau=kanto",
                "?stage=CLOSED", "?view=queue&bureau=kanto&stage=FIRST_CONTACT", "?limit=0", "?limit=501",
                "?limit=1e3", "?view=mine&view=queue", "?bureau", "?sort=openedAt", "?bureau=%24ne",
                "?" + "p".repeat(300) + "=1")) {
            client.get().uri(CASES + query).headers(h -> h.setBearerAuth(TestTokens.admin()))
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        for (String path : List.of("/%7B%22%24ne%22%3A1%7D", "/..%2F..", "/%24where", "/" + "x".repeat(2000),
                "/workload/mars", "/workload/%24ne")) {
            client.get().uri(CASES + path).headers(h -> h.setBearerAuth(TestTokens.admin())).exchange()
                    .expectStatus().is4xxClientError();
        }
        for (String ifMatch : List.of("*", "W/\"" + revision + "\"", "\"0\", \"1\"", "0", "\"-1\"")) {
            client.post().uri(CASES + "/{id}/acceptance", target).headers(h -> {
                        h.setBearerAuth(coordinatorToken);
                        h.set("If-Match", ifMatch);
                    })
                    .exchange().expectStatus().isEqualTo(412)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertTargetUnchanged();
    }

    private void assertTargetUnchanged() {
        CoordinationCase stored = mongo.findById(target, CoordinationCase.class).block();
        assertThat(stored.revision()).isEqualTo(revision);
        assertThat(stored.status()).isEqualTo(CaseStatus.ASSIGNED);
        assertThat(stored.notes()).isEmpty();
        assertThat(stored.declinations()).isEmpty();
    }
}
