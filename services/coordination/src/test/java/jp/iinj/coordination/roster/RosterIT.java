package jp.iinj.coordination.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.coordination.support.CoordinationIntegrationTest;
import jp.iinj.coordination.support.TestRoster;
import jp.iinj.testing.tokens.TestTokens;

/** The roster over HTTP: its life cycle with ETags, and who may see and maintain which entry. */
@CoordinationIntegrationTest
class RosterIT {

    private static final String COORDINATORS = "/api/coordination/coordinators";

    @Autowired
    WebTestClient client;
    @Autowired
    TestRoster roster;

    private static String coordinatorToken(String subject, String bureau) {
        return TestTokens.ISSUER.token(subject).roles(PlatformRole.COORDINATOR).bureaus(List.of(bureau)).sign();
    }

    private WebTestClient.ResponseSpec read(String token, String id) {
        return client.get().uri(COORDINATORS + "/{id}", id).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private WebTestClient.ResponseSpec put(String token, String id, String ifMatch, String body) {
        return client.put().uri(COORDINATORS + "/{id}", id)
                .headers(h -> {
                    h.setBearerAuth(token);
                    if (ifMatch != null) {
                        h.setIfMatch(ifMatch);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private List<String> listedIds(String token, String query) {
        return client.get().uri(COORDINATORS + query).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody(CoordinatorRequests.CoordinatorList.class).returnResult().getResponseBody()
                .items().stream().map(CoordinatorResponse::id).toList();
    }

    @Test
    void anEntryIsAddedReadChangedWithItsETagDeactivatedAndReactivated() {
        String subject = TestRoster.newSubject();
        String id = roster.added(subject, "佐藤 花子", "kanto");

        read(TestTokens.admin(), id).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.subject").isEqualTo(subject)
                .jsonPath("$.bureaus[0]").isEqualTo("kanto")
                .jsonPath("$.availability.status").isEqualTo("ACTIVE")
                .jsonPath("$.active").isEqualTo(true);

        String away = """
                {"name":"佐藤 花子","bureaus":["kanto","tohoku"],"prefectures":["13","04","13"],\
                "technologyFields":["materials","robotics"],"jsicDivisions":["E","G"],"languages":["ja"],\
                "capacity":12,"availability":{"status":"AWAY","from":"2026-08-10","to":"2026-08-16"}}""";
        put(TestTokens.admin(), id, null, away).expectStatus().isEqualTo(HttpStatus.PRECONDITION_REQUIRED)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        put(TestTokens.admin(), id, "\"7\"", away).expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED);
        put(TestTokens.admin(), id, "\"0\"", away).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.prefectures").isEqualTo(List.of("13", "04"))
                .jsonPath("$.capacity").isEqualTo(12)
                .jsonPath("$.availability.status").isEqualTo("AWAY")
                .jsonPath("$.availability.to").isEqualTo("2026-08-16");
        put(TestTokens.admin(), id, "\"0\"", away).expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED);

        client.post().uri(COORDINATORS + "/{id}/deactivation", id).headers(h -> h.setBearerAuth(TestTokens.admin()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(false);
        client.post().uri(COORDINATORS + "/{id}/deactivation", id).headers(h -> h.setBearerAuth(TestTokens.admin()))
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.code").isEqualTo("coordinator-inactive");
        assertThat(listedIds(TestTokens.admin(), "?bureau=tohoku")).doesNotContain(id);
        assertThat(listedIds(TestTokens.admin(), "?bureau=tohoku&active=false")).contains(id);

        client.post().uri(COORDINATORS + "/{id}/reactivation", id).headers(h -> {
                    h.setBearerAuth(TestTokens.admin());
                    h.setIfMatch("\"2\"");
                })
                .exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", "\"3\"")
                .expectBody().jsonPath("$.active").isEqualTo(true);
        assertThat(listedIds(TestTokens.admin(), "?bureau=tohoku")).contains(id);
    }

    @Test
    void onePersonIsOnTheRosterOnce() {
        String subject = TestRoster.newSubject();
        roster.added(subject, "重複 太郎", "kinki");

        client.post().uri(COORDINATORS).headers(h -> h.setBearerAuth(TestTokens.admin()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestRoster.newCoordinator(subject, TestRoster.entry("重複 太郎", List.of("kinki"), 5)))
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("coordinator-already-rostered");
    }

    @Test
    void prefecturesMustLieInACoveredBureauAndAwayDatesInOrder() {
        String outside = TestRoster.entry("範囲外", List.of("kanto"), 5).replace("\"prefectures\":[]",
                "\"prefectures\":[\"27\"]");
        client.post().uri(COORDINATORS).headers(h -> h.setBearerAuth(TestTokens.admin()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestRoster.newCoordinator(TestRoster.newSubject(), outside))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("entry.prefectures[0]");

        String backwards = TestRoster.entry("逆順", List.of("kanto"), 5).replace("{\"status\":\"ACTIVE\"}",
                "{\"status\":\"AWAY\",\"from\":\"2026-08-16\",\"to\":\"2026-08-10\"}");
        client.post().uri(COORDINATORS).headers(h -> h.setBearerAuth(TestTokens.admin()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestRoster.newCoordinator(TestRoster.newSubject(), backwards))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("entry.availability.to");

        String oneDay = TestRoster.entry("一日", List.of("kanto"), 5).replace("{\"status\":\"ACTIVE\"}",
                "{\"status\":\"AWAY\",\"from\":\"2026-08-10\",\"to\":\"2026-08-10\"}");
        client.post().uri(COORDINATORS).headers(h -> h.setBearerAuth(TestTokens.admin()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestRoster.newCoordinator(TestRoster.newSubject(), oneDay))
                .exchange().expectStatus().isCreated();
    }

    @Test
    void aRegionalBodyMaintainsItsOwnBureausCoordinatorsOnly() {
        String chugoku = TestTokens.regionalBody("chugoku");
        String kyushuOnly = roster.added(TestRoster.newSubject(), "九州 一郎", "kyushu");
        String shared = roster.added(TestRoster.newSubject(), "共有 二郎", "chugoku", "shikoku");

        // adds its own bureau's coordinators, not another's nor one reaching into another's
        String own = client.post().uri(COORDINATORS).headers(h -> h.setBearerAuth(chugoku))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestRoster.newCoordinator(TestRoster.newSubject(),
                        TestRoster.entry("中国 三郎", List.of("chugoku"), 4)))
                .exchange().expectStatus().isCreated()
                .expectBody(CoordinatorResponse.class).returnResult().getResponseBody().id();
        for (List<String> bureaus : List.of(List.of("kyushu"), List.of("chugoku", "kyushu"))) {
            client.post().uri(COORDINATORS).headers(h -> h.setBearerAuth(chugoku))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(TestRoster.newCoordinator(TestRoster.newSubject(),
                            TestRoster.entry("越境", bureaus, 4)))
                    .exchange().expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }

        // sees its own and the shared entry, never the other bureau's
        read(chugoku, own).expectStatus().isOk();
        read(chugoku, shared).expectStatus().isOk();
        read(chugoku, kyushuOnly).expectStatus().isNotFound();
        assertThat(listedIds(chugoku, "")).contains(own, shared).doesNotContain(kyushuOnly);
        assertThat(listedIds(chugoku, "?bureau=chugoku")).contains(own, shared);
        client.get().uri(COORDINATORS + "?bureau=kyushu").headers(h -> h.setBearerAuth(chugoku)).exchange()
                .expectStatus().isForbidden();

        // changes its own, not the shared one, and does not move its own into another bureau
        put(chugoku, own, "\"0\"", TestRoster.entry("中国 三郎", List.of("chugoku"), 6)).expectStatus().isOk();
        put(chugoku, own, "\"1\"", TestRoster.entry("中国 三郎", List.of("kyushu"), 6)).expectStatus().isForbidden();
        put(chugoku, shared, "\"0\"", TestRoster.entry("共有 二郎", List.of("chugoku"), 6)).expectStatus().isForbidden();
        put(chugoku, kyushuOnly, "\"0\"", TestRoster.entry("九州 一郎", List.of("kyushu"), 6))
                .expectStatus().isNotFound();
        client.post().uri(COORDINATORS + "/{id}/deactivation", shared).headers(h -> h.setBearerAuth(chugoku))
                .exchange().expectStatus().isForbidden();
        client.post().uri(COORDINATORS + "/{id}/deactivation", own).headers(h -> h.setBearerAuth(chugoku))
                .exchange().expectStatus().isOk();
    }

    @Test
    void aCoordinatorReadsTheirOwnEntryAndNothingElseAndChangesNothing() {
        String subject = TestRoster.newSubject();
        String mine = roster.added(subject, "自分 四郎", "hokkaido");
        String colleague = roster.added(TestRoster.newSubject(), "同僚 五郎", "hokkaido");
        String token = coordinatorToken(subject, "hokkaido");

        read(token, mine).expectStatus().isOk().expectBody().jsonPath("$.subject").isEqualTo(subject);
        read(token, colleague).expectStatus().isNotFound();
        assertThat(listedIds(token, "")).containsExactly(mine);
        put(token, mine, "\"0\"", TestRoster.entry("自分 四郎", List.of("hokkaido"), 100)).expectStatus().isForbidden();
        client.post().uri(COORDINATORS).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestRoster.newCoordinator(TestRoster.newSubject(),
                        TestRoster.entry("新人", List.of("hokkaido"), 4)))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void membersAndAnonymousCallersSeeNoRoster() {
        String id = roster.added(TestRoster.newSubject(), "非公開 六郎", "okinawa");
        String member = TestTokens.memberOf("member-1");

        client.get().uri(COORDINATORS).headers(h -> h.setBearerAuth(member)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        read(member, id).expectStatus().isNotFound();
        client.get().uri(COORDINATORS + "/{id}", id).exchange().expectStatus().isUnauthorized();
        client.post().uri(COORDINATORS).headers(h -> h.setBearerAuth(member))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TestRoster.newCoordinator(TestRoster.newSubject(),
                        TestRoster.entry("侵入", List.of("okinawa"), 4)))
                .exchange().expectStatus().isForbidden();
    }
}
