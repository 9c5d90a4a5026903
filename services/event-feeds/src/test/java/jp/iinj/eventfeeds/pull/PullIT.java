package jp.iinj.eventfeeds.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.eventfeeds.support.EventFeedsIntegrationTest;
import jp.iinj.eventfeeds.support.TestPublicEvents;
import jp.iinj.testing.tokens.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pull with a cursor, end to end inside the service: events published on the real broker enter the log from the
 * public topics only; each regional body reads its bureaus' events, batch by batch, in order, resuming where it left
 * off; bad cursors and parameters are 400 problems.
 */
@EventFeedsIntegrationTest
class PullIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String EVENTS = "/api/feeds/events";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient client;
    @Autowired
    TestPublicEvents publish;

    /** One pull: the batch and the next cursor. */
    private record Batch(List<JsonNode> events, String next) {
    }

    private Batch pull(String token, String after, int limit) {
        EntityExchangeResult<byte[]> result = client.get()
                .uri(EVENTS + "?limit=" + limit + (after == null ? "" : "&after=" + after))
                .headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/cloudevents-batch+json")
                .expectBody().returnResult();
        String link = result.getResponseHeaders().getFirst("Link");
        assertThat(link).contains("rel=\"next\"");
        String next = link.replaceAll(".*after=([^&>]*).*", "$1");
        List<JsonNode> events = new ArrayList<>();
        JSON.readTree(result.getResponseBody()).forEach(events::add);
        return new Batch(events, next);
    }

    /** Everything the caller may read from the start, pulled in small batches until an empty one. */
    private List<JsonNode> pullAll(String token) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        for (int pulls = 0; pulls < 1000; pulls++) {
            Batch batch = pull(token, cursor, 7);
            if (batch.events().isEmpty()) {
                assertThat(pull(token, batch.next(), 7).next()).isEqualTo(batch.next());
                return all;
            }
            all.addAll(batch.events());
            cursor = batch.next();
        }
        throw new AssertionError("the feed did not end");
    }

    private static List<String> subjects(List<JsonNode> events) {
        return events.stream().map(event -> event.path("subject").asString()).toList();
    }

    @Test
    void eachBureauReadsItsOwnEventsInOrderAndResumesWhereItLeftOff() {
        String kyushuCase = "case-" + UUID.randomUUID();
        String chubuCase = "case-" + UUID.randomUUID();
        String queued = publish.caseQueued(kyushuCase, "kyushu");
        String escalated = publish.caseEscalated(kyushuCase, "kyushu");
        publish.caseQueued(chubuCase, "chubu");
        String kyushu = TestTokens.regionalBody("kyushu");

        await().atMost(WAIT).untilAsserted(() -> assertThat(subjects(pullAll(kyushu))).contains(kyushuCase));
        List<JsonNode> seen = pullAll(kyushu);
        assertThat(seen).allSatisfy(event -> assertThat(event.path("bureau").asString()).isEqualTo("kyushu"));
        assertThat(subjects(seen)).doesNotContain(chubuCase);
        // one case's events in the order they were published, each a structured CloudEvent with its data as sent
        List<JsonNode> ofCase = seen.stream().filter(e -> kyushuCase.equals(e.path("subject").asString())).toList();
        assertThat(ofCase).extracting(e -> e.path("id").asString()).containsExactly(queued, escalated);
        assertThat(ofCase.get(1).path("specversion").asString()).isEqualTo("1.0");
        assertThat(ofCase.get(1).path("type").asString()).isEqualTo("jp.iinj.coordination.case-escalated.v1");
        assertThat(ofCase.get(1).path("data").path("reason").asString()).isEqualTo("NO_FIRST_CONTACT_IN_TIME");

        // a cursor taken now resumes after everything seen: only what comes later
        String cursor = null;
        for (Batch batch = pull(kyushu, null, 500); !batch.events().isEmpty(); batch = pull(kyushu, cursor, 500)) {
            cursor = batch.next();
        }
        String later = publish.caseEscalated("case-" + UUID.randomUUID(), "kyushu");
        String from = cursor;
        await().atMost(WAIT).untilAsserted(() -> assertThat(pull(kyushu, from, 500).events())
                .extracting(e -> e.path("id").asString()).containsExactly(later));

        // administrators read every bureau
        await().atMost(WAIT).untilAsserted(() -> assertThat(subjects(pullAll(TestTokens.admin())))
                .contains(kyushuCase, chubuCase));
    }

    @Test
    void onlyPublicEventsEnterTheFeedAndEachOnce() {
        String caseId = "case-" + UUID.randomUUID();
        String internal = publish.internalNotification("okinawa");
        String queued = publish.caseQueued(caseId, "okinawa");
        publish.resend(queued, caseId, "okinawa");
        String escalated = publish.caseEscalated(caseId, "okinawa");
        String okinawa = TestTokens.regionalBody("okinawa");

        await().atMost(WAIT).untilAsserted(() -> assertThat(pullAll(okinawa))
                .extracting(e -> e.path("id").asString()).contains(escalated));
        List<String> ids = pullAll(TestTokens.admin()).stream().map(e -> e.path("id").asString()).toList();
        assertThat(ids).doesNotContain(internal);
        assertThat(ids.stream().filter(queued::equals)).hasSize(1);
    }

    @Test
    void aTypeAddedLaterPassesThroughButDataThatIsNotJsonNeverEntersTheLog() {
        String caseId = "case-" + UUID.randomUUID();
        String broken = publish.newTypeOfCaseEvent(caseId, "tohoku", "{\"a\":1} trailing".getBytes());
        String newer = publish.newTypeOfCaseEvent(caseId, "tohoku", "{\"caseId\":\"x\",\"extra\":[1,2]}".getBytes());
        String tohoku = TestTokens.regionalBody("tohoku");

        await().atMost(WAIT).untilAsserted(() -> assertThat(pullAll(tohoku))
                .extracting(e -> e.path("id").asString()).contains(newer));
        List<JsonNode> seen = pullAll(tohoku);
        assertThat(seen).extracting(e -> e.path("id").asString()).doesNotContain(broken);
        assertThat(seen.stream().filter(e -> newer.equals(e.path("id").asString())).findFirst().orElseThrow()
                .path("data").path("extra").size()).isEqualTo(2);
    }

    @Test
    void machineClientsOfARegionalBodyPullToo() {
        String machine = TestTokens.ISSUER.token("client-kyushu-" + UUID.randomUUID()).machine()
                .roles(PlatformRole.REGIONAL_BODY).bureaus(List.of("kyushu")).sign();
        pull(machine, null, 10);
    }

    @Test
    void membersAndCoordinatorsReadNoFeedAndAnonymousCallersAreRefused() {
        for (String token : List.of(TestTokens.memberOf("org-1"), TestTokens.coordinator("kyushu"))) {
            client.get().uri(EVENTS).headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        client.get().uri(EVENTS).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void badParametersAndCursorsAreProblemsNotErrors() {
        String kyushu = TestTokens.regionalBody("kyushu");
        for (String query : List.of("?after=%%%", "?after=bm90IGEgY3Vyc29y", "?after=" + "QQ".repeat(1500),
                "?limit=0", "?limit=501", "?limit=abc", "?limit=1&limit=2", "?bureau=chubu", "?after=",
                "?after=" + java.util.Base64.getUrlEncoder().encodeToString("t:1=99999999999999999999".getBytes()))) {
            var answer = client.get().uri(EVENTS + query).headers(h -> h.setBearerAuth(kyushu)).exchange();
            if (query.equals("?after=")) {
                answer.expectStatus().isOk();
            } else {
                answer.expectStatus().isBadRequest()
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            }
        }
    }
}
