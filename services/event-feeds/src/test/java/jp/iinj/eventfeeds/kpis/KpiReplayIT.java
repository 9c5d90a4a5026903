package jp.iinj.eventfeeds.kpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.contracts.topics.EventType;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.eventfeeds.log.FeedScope;
import jp.iinj.eventfeeds.support.EventFeedsIntegrationTest;
import jp.iinj.testing.infrastructure.TestInfrastructure;
import jp.iinj.testing.kafka.TestEvents;
import jp.iinj.testing.kafka.TestProducer;
import jp.iinj.testing.tokens.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The KPIs end to end inside the service: events of the registry, matching and coordination published on the real
 * broker, with their regions and times, enter the log; the live projection follows it, agrees with a replay up to now,
 * and keeps agreeing after it lost its cursor (a restart that reads everything again counts nothing twice); past days
 * are replays that see only what had happened by their end; each body sees only its bureaus; JSON and CSV.
 */
@EventFeedsIntegrationTest
class KpiReplayIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient client;
    @Autowired
    KpiQueries kpis;
    @Autowired
    KpiLiveProjection live;
    @Autowired
    ReactiveMongoTemplate mongo;

    private final TestProducer producer = TestProducer.connect(TestInfrastructure.shared().kafkaBootstrapServers());
    // a past year of its own, so months hold only this test's events whatever else the log holds (the others' are
    // published now); not far back, since months run without gaps from the first to today's
    private final int year = LocalDate.now().getYear() - ThreadLocalRandom.current().nextInt(1, 4);
    private final String cluster = "kpi-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theLiveProjectionAgreesWithAReplayAndPastDaysSeeOnlyTheirPast() {
        String m1 = "m-" + UUID.randomUUID();
        String m2 = "m-" + UUID.randomUUID();
        String m3 = "m-" + UUID.randomUUID();
        String c1 = "case-" + UUID.randomUUID();
        String c2 = "case-" + UUID.randomUUID();
        member(TopicCatalogue.MEMBER_REGISTERED_V1, m1, "kyushu", "40", "02-10T01:00:00Z");
        member(TopicCatalogue.MEMBER_APPROVED_V1, m1, "kyushu", "40", "03-05T01:00:00Z");
        member(TopicCatalogue.MEMBER_SUSPENDED_V1, m1, "kyushu", "40", "04-02T01:00:00Z");
        member(TopicCatalogue.MEMBER_REGISTERED_V1, m2, "kyushu", "43", "03-20T01:00:00Z");
        member(TopicCatalogue.MEMBER_REGISTERED_V1, m3, "chubu", "23", "03-01T01:00:00Z");
        member(TopicCatalogue.MEMBER_APPROVED_V1, m3, "chubu", "23", "03-02T01:00:00Z");
        String profile = "p-" + UUID.randomUUID();
        send(TopicCatalogue.PROFILE_PUBLISHED_V1, profile, "kyushu", "40", "03-03T01:00:00Z", Map.of(
                "profileId", profile, "profileType", "TECHNOLOGY_OFFER", "prefectureCode", "40", "bureau", "kyushu",
                "technologyFields", List.of(), "jsicCodes", List.of(), "targetRegions", List.of("nationwide"),
                "actedByCoordinator", false, "publishedAt", at("03-03T01:00:00Z"), "expiresOn", year + "-12-31"));
        String proposal = "pr-" + UUID.randomUUID();
        send(TopicCatalogue.MATCH_PROPOSED_V1, proposal, "kyushu", "40", "03-04T01:00:00Z", Map.of(
                "proposalId", proposal, "offerProfileId", profile, "requestProfileId", "p-x",
                "offerBureau", "kyushu", "requestBureau", "chubu", "score", 70, "technologyFields", List.of(),
                "proposedAt", at("03-04T01:00:00Z")));
        String interest = "i-" + UUID.randomUUID();
        send(TopicCatalogue.INTEREST_EXPRESSED_V1, interest, "kyushu", "40", "03-06T01:00:00Z", Map.of(
                "interestId", interest, "profileId", profile, "fromBureau", "chubu", "toBureau", "kyushu",
                "expressedAt", at("03-06T01:00:00Z"), "expiresAt", at("03-20T01:00:00Z")));
        String match = "match-" + UUID.randomUUID();
        send(TopicCatalogue.MATCH_AGREED_V1, match, "kyushu", "40", "03-08T01:00:00Z", Map.of(
                "matchId", match, "interestId", interest,
                "owner", Map.of("memberId", m1, "bureau", "kyushu", "prefectureCode", "40"),
                "interested", Map.of("memberId", m3, "bureau", "chubu", "prefectureCode", "23"),
                "technologyFields", List.of(), "agreedAt", at("03-08T01:00:00Z")));
        opened(c1, match, "03-09T00:00:00Z");
        stage(c1, null, "FIRST_CONTACT", "03-11T00:00:00Z"); // 2 days
        stage(c1, "FIRST_CONTACT", "NEGOTIATING", "03-12T00:00:00Z");
        opened(c2, "match-" + UUID.randomUUID(), "03-09T00:00:00Z");
        stage(c2, null, "INTRODUCTION_MADE", "03-10T00:00:00Z"); // 1 day, first contact skipped
        send(TopicCatalogue.CASE_ESCALATED_V1, c2, "kyushu", null, "03-10T06:00:00Z", Map.of("caseId", c2,
                "bureau", "kyushu", "reason", "NO_FIRST_CONTACT_IN_TIME", "escalatedAt", at("03-10T06:00:00Z")));
        closed(c1, match, "AGREEMENT_REACHED", "04-01T00:00:00Z");
        closed(c2, "match-x", "NO_INTEREST", "04-02T00:00:00Z");

        LocalDate today = kpis.today();
        await().atMost(WAIT).untilAsserted(() -> {
            Map<KpiCell, KpiCounts> replayed = normal(kpis.replayed(today, FeedScope.everything()).block());
            assertThat(replayed.keySet()).anyMatch(cell -> cluster.equals(cell.region().cluster())
                    && cell.month().getMonthValue() == 4);
            assertThat(replayed).containsKey(new KpiCell(new KpiRegion("kyushu", null, null),
                    YearMonth.of(year, 4)));
            assertThat(normal(live.cells(FeedScope.everything(), KpiQueries.endOf(today)).block()))
                    .isEqualTo(replayed);
        });

        // a restart that lost the cursor reads the whole log again and counts nothing twice
        mongo.remove(Query.query(where("_id").is(KpiProgress.LIVE)), KpiProgress.COLLECTION).block();
        while (live.catchUp().block() == KpiLiveProjection.PAGE) {
            // page after page to the end of the log
        }
        assertThat(normal(live.cells(FeedScope.everything(), KpiQueries.endOf(today)).block()))
                .isEqualTo(normal(kpis.replayed(today, FeedScope.everything()).block()));
        // and today's figures through the API are the live ones, for the caller's bureaus only
        JsonNode now = report(TestTokens.regionalBody("kyushu"), today.toString());
        assertThat(now.path("asOf").asString()).isEqualTo(today.toString());
        assertThat(now.path("byBureau")).extracting(bureau -> bureau.path("key").asString()).containsOnly("kyushu");

        String kyushu = TestTokens.regionalBody("kyushu");
        JsonNode february = report(kyushu, year + "-02-28");
        assertThat(ofCluster(february).path("members").path("applied").asLong()).isEqualTo(1);
        assertThat(ofCluster(february).path("members").path("active").asLong()).isZero();

        JsonNode march = report(kyushu, year + "-03-31");
        assertThat(march.path("allBureaus").asBoolean()).isFalse();
        assertThat(march.path("bureaus")).extracting(JsonNode::asString).containsExactly("kyushu");
        JsonNode inCluster = ofCluster(march);
        assertThat(inCluster.path("members").path("applied").asLong()).isEqualTo(1); // m2
        assertThat(inCluster.path("members").path("active").asLong()).isEqualTo(1); // m1
        assertThat(inCluster.path("registrations").asLong()).isEqualTo(2);
        assertThat(inCluster.path("profilesPublished").asLong()).isEqualTo(1);
        assertThat(inCluster.path("funnel").path("proposals").asLong()).isEqualTo(1);
        assertThat(inCluster.path("funnel").path("interests").asLong()).isEqualTo(1);
        assertThat(inCluster.path("funnel").path("agreements").asLong()).isEqualTo(1);
        assertThat(inCluster.path("funnel").path("closedWithAgreement").asLong()).isZero();
        JsonNode marchMonth = month(march, year + "-03");
        assertThat(marchMonth.path("firstContact").path("cases").asLong()).isEqualTo(2);
        assertThat(marchMonth.path("firstContact").path("medianSeconds").asLong()).isEqualTo(129_600); // 1.5 days
        assertThat(marchMonth.path("escalations").asLong()).isEqualTo(1);
        assertThat(march.path("byMonth").get(march.path("byMonth").size() - 1).path("month").asString())
                .isEqualTo(year + "-03");

        JsonNode april = report(kyushu, year + "-04-30");
        assertThat(ofCluster(april).path("members").path("suspended").asLong()).isEqualTo(1);
        assertThat(ofCluster(april).path("members").path("active").asLong()).isZero();
        assertThat(month(april, year + "-04").path("casesClosed").asLong()).isEqualTo(2);
        assertThat(month(april, year + "-04").path("funnel").path("closedWithAgreement").asLong()).isEqualTo(1);

        // chubu's member is not kyushu's, but an administrator's
        assertThat(march.path("byPrefecture")).extracting(p -> p.path("key").asString()).doesNotContain("23");
        JsonNode all = report(TestTokens.admin(), year + "-03-31");
        assertThat(all.path("allBureaus").asBoolean()).isTrue();
        assertThat(all.path("byPrefecture")).extracting(p -> p.path("key").asString()).contains("23", "40", "43");

        byte[] csv = client.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(1 << 20)).build().get()
                .uri("/api/feeds/kpis.csv?asOf=" + year + "-04-30")
                .headers(h -> h.setBearerAuth(kyushu)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"kpis-" + year
                        + "-04-30.csv\"")
                .expectBody(byte[].class).returnResult().getResponseBody();
        List<String> lines = List.of(new String(csv, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines.get(0)).startsWith("bureau,prefecture,cluster,month,members_applied");
        assertThat(lines).contains("kyushu,40," + cluster + "," + year + "-03,0,1,0,0,0,0,0,1,1,1,1,0,0,0,,0",
                "kyushu,40," + cluster + "," + year + "-04,0,0,1,0,0,0,0,0,0,0,0,0,0,0,,0");
        assertThat(lines).noneMatch(line -> line.startsWith("chubu,"));
    }

    @Test
    void onlyRegionalBodiesAndAdministratorsAndOnlyDaysUpToToday() {
        for (String path : List.of("/api/feeds/kpis", "/api/feeds/kpis.csv")) {
            for (String token : List.of(TestTokens.memberOf("org-1"), TestTokens.coordinator("kyushu"))) {
                client.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange()
                        .expectStatus().isForbidden()
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            }
            client.get().uri(path).exchange().expectStatus().isUnauthorized();
            String kyushu = TestTokens.regionalBody("kyushu");
            for (String query : List.of("?asOf=" + kpis.today().plusDays(1), "?asOf=yesterday", "?asOf=2026-13-01",
                    "?bureau=chubu", "?asOf=2026-01-01&asOf=2026-01-02", "?asOf=")) {
                client.get().uri(path + query).headers(h -> h.setBearerAuth(kyushu)).exchange()
                        .expectStatus().isBadRequest()
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            }
        }
    }

    private JsonNode report(String token, String asOf) {
        // today's report holds every month since this test's year, more than the service's 32 KB for request bodies
        byte[] body = client.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(1 << 20)).build().get().uri("/api/feeds/kpis?asOf=" + asOf).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(byte[].class).returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    private JsonNode ofCluster(JsonNode report) {
        for (JsonNode each : report.path("byCluster")) {
            if (cluster.equals(each.path("key").asString())) {
                return each.path("figures");
            }
        }
        throw new AssertionError("no cluster " + cluster + " in " + report);
    }

    private static JsonNode month(JsonNode report, String month) {
        for (JsonNode each : report.path("byMonth")) {
            if (month.equals(each.path("month").asString())) {
                return each.path("figures");
            }
        }
        throw new AssertionError("no month " + month + " in " + report);
    }

    /** The cells with each one's times to first contact in order: facts and a replay may list them differently. */
    private static Map<KpiCell, KpiCounts> normal(Map<KpiCell, KpiCounts> cells) {
        return cells.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, cell -> {
            KpiCounts c = cell.getValue();
            return new KpiCounts(c.applied(), c.active(), c.rejected(), c.suspended(), c.withdrawn(), c.lapsed(),
                    c.registrations(), c.profilesPublished(), c.proposals(), c.interests(), c.agreements(),
                    c.casesClosed(), c.casesClosedWithAgreement(), c.escalations(),
                    c.firstContactSeconds().stream().sorted().toList());
        }));
    }

    private String at(String monthDayTime) {
        return year + "-" + monthDayTime;
    }

    private void member(EventType<?> type, String memberId, String bureau, String prefecture, String time) {
        Map<String, Object> data = new HashMap<>(Map.of("memberId", memberId, "prefectureCode", prefecture,
                "bureau", bureau));
        String when = at(time);
        if (type == TopicCatalogue.MEMBER_REGISTERED_V1) {
            data.putAll(Map.of("legalName", "株式会社テスト", "organisationType", "SME", "registeredAt", when));
        } else if (type == TopicCatalogue.MEMBER_APPROVED_V1) {
            data.put("approvedAt", when);
        } else {
            data.putAll(Map.of("reason", "UNPAID_FEES", "suspendedAt", when));
        }
        send(type, memberId, bureau, prefecture, time, data);
    }

    private void opened(String caseId, String matchId, String time) {
        send(TopicCatalogue.CASE_OPENED_V1, caseId, "kyushu", null, time, Map.of("caseId", caseId, "matchId", matchId,
                "ownerProfileId", "p-1", "ownerBureau", "kyushu", "interestedBureau", "chubu",
                "ownerPrefectureCode", "40", "interestedPrefectureCode", "23", "technologyFields", List.of(),
                "openedAt", at(time)));
    }

    private void stage(String caseId, String from, String to, String time) {
        Map<String, Object> data = new HashMap<>(Map.of("caseId", caseId, "toStage", to, "changedAt", at(time)));
        data.put("fromStage", from);
        send(TopicCatalogue.CASE_STAGE_CHANGED_V1, caseId, "kyushu", null, time, data);
    }

    private void closed(String caseId, String matchId, String outcome, String time) {
        send(TopicCatalogue.CASE_CLOSED_V1, caseId, "kyushu", null, time, Map.of("caseId", caseId,
                "matchId", matchId, "outcome", outcome, "bureau", "kyushu", "closedAt", at(time)));
    }

    /** As the owner publishes it: its region in the extensions (case events carry only the bureau), its time. */
    private void send(EventType<?> type, String subject, String bureau, String prefecture, String time,
                      Map<String, Object> data) {
        Map<String, String> headers = new HashMap<>(TestEvents.headers(type, UUID.randomUUID().toString(), subject));
        headers.put("ce_time", at(time));
        headers.put("ce_bureau", bureau);
        if (prefecture != null) {
            headers.put("ce_prefecture", prefecture);
            headers.put("ce_cluster", cluster);
        }
        producer.send(TopicCatalogue.topicCarrying(type).name(), subject,
                JSON.writeValueAsString(data).getBytes(StandardCharsets.UTF_8), headers);
    }
}
