package jp.iinj.coordination.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.contracts.coordination.EscalationReason;
import jp.iinj.contracts.matching.MatchAgreedV1;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.coordination.roster.Coordinator;
import jp.iinj.coordination.support.CoordinationIntegrationTest;
import jp.iinj.coordination.support.TestMatches;
import jp.iinj.coordination.support.TestRoster;
import jp.iinj.testing.kafka.TopicProbe;
import jp.iinj.testing.kafka.TopicProbeExtension;
import jp.iinj.testing.tokens.TestTokens;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Cases end to end inside the service: a match-agreed on the real broker opens exactly one case, assigned at once or
 * queued; the workflow over HTTP; who sees what.
 */
@CoordinationIntegrationTest
class CaseIT {

    private static final String CASES = "/api/coordination/cases";

    @RegisterExtension
    static final TopicProbeExtension CASE_EVENTS = TopicProbeExtension.on(TopicCatalogue.CASE_EVENTS_V1.name());

    @Autowired
    WebTestClient client;
    @Autowired
    TestRoster roster;
    @Autowired
    TestMatches matches;
    @Autowired
    CaseOpening opening;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    CaseAssignments assignments;

    private static String coordinator(String subject, String bureau) {
        return TestTokens.ISSUER.token(subject).roles(PlatformRole.COORDINATOR).bureaus(List.of(bureau)).sign();
    }

    private static String member(String memberId) {
        return TestTokens.ISSUER.token("person-" + memberId).roles(PlatformRole.MEMBER).memberIds(List.of(memberId))
                .sign();
    }

    private WebTestClient.ResponseSpec get(String token, String uri) {
        return client.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private WebTestClient.ResponseSpec post(String token, String uri, String body) {
        var request = client.post().uri(uri).headers(h -> h.setBearerAuth(token));
        return body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private CoordinationCase stored(String caseId) {
        return mongo.findById(caseId, CoordinationCase.class).block();
    }

    /** Nobody else covers the bureau, whatever other tests put on the roster. */
    private void emptyRosterOf(String bureau) {
        mongo.updateMulti(Query.query(where("bureaus").is(bureau)), Update.update("active", false), Coordinator.class)
                .block();
        // changed behind the service's back: the copy new cases are assigned with must be read again
        assignments.forgetRecentWorkload();
    }

    @Test
    void anAgreedMatchOpensOneCaseAssignedAtOnceThatOnlyItsPeopleSee() {
        String subject = TestRoster.newSubject();
        String chosen = roster.addedWithExpertise(subject, "織物 一郎", List.of("textiles", "food-agriculture"), 10,
                "kanto");
        MatchAgreedV1 agreed = TestMatches.match("kanto", "kinki", List.of("textiles", "food-agriculture"));

        CoordinationCase opened = matches.opened(agreed);

        assertThat(opened.status()).isEqualTo(CaseStatus.ASSIGNED);
        assertThat(opened.assignment().coordinatorId()).isEqualTo(chosen);
        assertThat(opened.assignment().code()).isEqualTo("expertise");
        assertThat(opened.assignment().reason().en()).contains("food-agriculture, textiles");
        assertThat(opened.assignment().reason().ja()).isNotBlank();
        assertThat(opened.assignment().bureau()).isEqualTo("kanto");
        // in Japanese business days: the end of the 2nd and the 10th business day after the assignment
        var businessDays = jp.iinj.coordination.servicelevels.BusinessDays.ofJapan();
        assertThat(opened.acceptanceDueAt()).isEqualTo(businessDays.dueAfter(opened.assignment().assignedAt(), 2));
        assertThat(opened.firstContactDueAt()).isEqualTo(businessDays.dueAfter(opened.assignment().assignedAt(), 10));
        assertThat(opened.bureaus()).containsExactly("kanto", "kinki");

        String uri = CASES + "/" + opened.id();
        get(coordinator(subject, "kanto"), uri).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"" + opened.revision() + "\"")
                .expectBody().jsonPath("$.assignment.code").isEqualTo("expertise")
                .jsonPath("$.notes").isArray();
        get(coordinator(TestRoster.newSubject(), "kanto"), uri).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        get(TestTokens.regionalBody("kinki"), uri).expectStatus().isOk();
        get(TestTokens.regionalBody("tohoku"), uri).expectStatus().isNotFound();
        get(TestTokens.admin(), uri).expectStatus().isOk();
        get(member(agreed.interested().memberId()), uri).expectStatus().isOk()
                .expectBody().jsonPath("$.notes").doesNotExist()
                .jsonPath("$.assignment.reason").doesNotExist()
                .jsonPath("$.assignment.coordinatorName").isEqualTo("織物 一郎");
        get(member(UUID.randomUUID().toString()), uri).expectStatus().isNotFound();
        post(member(agreed.owner().memberId()), uri + "/acceptance", null).expectStatus().isForbidden();
        post(TestTokens.regionalBody("kanto"), uri + "/acceptance", null).expectStatus().isForbidden();

        assertThat(get(coordinator(subject, "kanto"), CASES).expectStatus().isOk()
                .expectBody(CaseResponse.CaseList.class).returnResult().getResponseBody().items())
                .extracting(CaseResponse::id).containsExactly(opened.id());
        assertThat(get(member(agreed.owner().memberId()), CASES).expectStatus().isOk()
                .expectBody(CaseResponse.CaseList.class).returnResult().getResponseBody().items())
                .extracting(CaseResponse::id).containsExactly(opened.id());
        get(TestTokens.regionalBody("kanto"), CASES).expectStatus().isForbidden();
    }

    @Test
    void overdueAndEscalatedCasesAreListedForTheirBureausOnly() {
        String subject = TestRoster.newSubject();
        roster.addedWithExpertise(subject, "期限 四郎", List.of("construction-infrastructure"), 10, "kinki");
        CoordinationCase late = matches.opened(TestMatches.match("kinki", "kinki",
                List.of("construction-infrastructure")));
        // late, and escalated, as the sweep leaves a case (ServiceLevelSweepIT runs the sweep itself)
        mongo.updateFirst(Query.query(where("_id").is(late.id())), new Update()
                        .set("acceptanceDueAt", java.time.Instant.now().minusSeconds(60))
                        .set("escalation", new CaseParts.Escalation(EscalationReason.NOT_ACCEPTED_IN_TIME, "kinki",
                                java.time.Instant.now())), CoordinationCase.class).block();

        for (String view : List.of("overdue", "escalated")) {
            assertThat(get(TestTokens.regionalBody("kinki"), CASES + "?view=" + view + "&bureau=kinki")
                    .expectStatus().isOk().expectBody(CaseResponse.CaseList.class).returnResult().getResponseBody()
                    .items()).extracting(CaseResponse::id).contains(late.id());
            get(TestTokens.regionalBody("kanto"), CASES + "?view=" + view + "&bureau=kinki")
                    .expectStatus().isForbidden();
            get(coordinator(subject, "kinki"), CASES + "?view=" + view + "&bureau=kinki").expectStatus().isForbidden();
        }
        get(coordinator(subject, "kinki"), CASES + "/" + late.id()).expectStatus().isOk()
                .expectBody().jsonPath("$.overdue").isEqualTo(true);
        get(coordinator(subject, "kinki"), CASES + "/workload").expectStatus().isOk()
                .expectBody().jsonPath("$.overdue").isEqualTo(1).jsonPath("$.cases[0].caseId").isEqualTo(late.id());
        get(TestTokens.regionalBody("kinki"), CASES + "/workload/kinki").expectStatus().isOk()
                .expectBody().jsonPath("$.overdue").value(n -> assertThat((Integer) n).isGreaterThanOrEqualTo(1));
    }

    @Test
    void theSameMatchDeliveredTwiceOrConsumedInParallelOpensOneCase() {
        roster.added(TestRoster.newSubject(), "重複 担当", "tohoku");
        MatchAgreedV1 agreed = TestMatches.match("tohoku", "tohoku", List.of("energy"));
        String eventId = UUID.randomUUID().toString();
        matches.publish(agreed, eventId);
        matches.publish(agreed, eventId);
        matches.publish(agreed, UUID.randomUUID().toString());
        matches.awaitCase(agreed.matchId());

        // two instances at the same moment, as two consumers would: both may pass the "exists?" check
        MatchAgreedV1 raced = TestMatches.match("tohoku", "kanto", List.of("energy"));
        Flux.fromStream(IntStream.range(0, 8).boxed())
                .flatMap(i -> opening.matchAgreed(raced, null).subscribeOn(Schedulers.parallel()), 8)
                .blockLast(Duration.ofSeconds(30));

        matches.publish(agreed, UUID.randomUUID().toString());
        matches.publish(raced, UUID.randomUUID().toString());
        // a third match published last: once it has its case, the redeliveries before it were consumed
        MatchAgreedV1 marker = TestMatches.match("tohoku", "tohoku", List.of("energy"));
        matches.opened(marker);
        assertThat(matches.casesOf(agreed.matchId())).hasSize(1);
        assertThat(matches.casesOf(raced.matchId())).hasSize(1);
    }

    @Test
    void aDeclineGoesToTheNextBestThenToTheQueueWhereTheRegionalBodyAssignsByHandAndTheCaseRunsToItsOutcome() {
        emptyRosterOf("okinawa");
        MatchAgreedV1 nobody = TestMatches.match("okinawa", "okinawa", List.of("aerospace"));
        CoordinationCase queued = matches.opened(nobody);
        assertThat(queued.status()).isEqualTo(CaseStatus.QUEUED);
        assertThat(queued.assignment()).isNull();
        assertThat(queued.queueing().reason().en()).contains("No coordinator on the roster covers");
        assertThat(queued.acceptanceDueAt()).isNull();

        String firstSubject = TestRoster.newSubject();
        String secondSubject = TestRoster.newSubject();
        String first = roster.addedWithExpertise(firstSubject, "航空 一郎", List.of("aerospace", "optics-photonics"),
                10, "okinawa");
        String second = roster.addedWithExpertise(secondSubject, "航空 二郎", List.of("aerospace"), 10, "okinawa");
        CoordinationCase opened = matches.opened(TestMatches.match("okinawa", "okinawa",
                List.of("aerospace", "optics-photonics")));
        assertThat(opened.assignment().coordinatorId()).isEqualTo(first);
        String uri = CASES + "/" + opened.id();

        post(coordinator(secondSubject, "okinawa"), uri + "/decline", "{\"reason\":\"AWAY\"}")
                .expectStatus().isNotFound();
        post(coordinator(firstSubject, "okinawa"), uri + "/decline",
                "{\"reason\":\"OUTSIDE_EXPERTISE\",\"note\":\"光学は専門外\"}")
                .expectStatus().isNoContent();
        get(TestTokens.regionalBody("okinawa"), uri).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ASSIGNED")
                .jsonPath("$.assignment.coordinatorId").isEqualTo(second)
                .jsonPath("$.declinations[0].coordinatorId").isEqualTo(first)
                .jsonPath("$.declinations[0].note").isEqualTo("光学は専門外");
        get(coordinator(firstSubject, "okinawa"), uri).expectStatus().isNotFound();

        post(coordinator(secondSubject, "okinawa"), uri + "/decline", "{\"reason\":\"NO_CAPACITY\"}")
                .expectStatus().isNoContent();
        get(TestTokens.admin(), uri).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("QUEUED")
                .jsonPath("$.queue.reason.en").value(text -> assertThat((String) text).contains("declined: 2"));
        assertThat(get(TestTokens.regionalBody("okinawa"), CASES + "?view=queue&bureau=okinawa")
                .expectStatus().isOk().expectBody(CaseResponse.CaseList.class).returnResult().getResponseBody()
                .items()).extracting(CaseResponse::id).contains(opened.id(), queued.id());
        get(TestTokens.regionalBody("kanto"), CASES + "?view=queue&bureau=okinawa").expectStatus().isForbidden();

        // by hand: not to someone outside the bureaus, then to a new coordinator
        String outsider = roster.added(TestRoster.newSubject(), "外部 三郎", "hokkaido");
        post(TestTokens.regionalBody("okinawa"), uri + "/reassignment",
                "{\"to\":\"COORDINATOR\",\"coordinatorId\":\"" + outsider + "\"}")
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.code").isEqualTo("coordinator-not-eligible");
        post(TestTokens.regionalBody("kanto"), uri + "/reassignment", "{\"to\":\"QUEUE\"}")
                .expectStatus().isNotFound();
        String thirdSubject = TestRoster.newSubject();
        String third = roster.added(thirdSubject, "手動 三郎", "okinawa");
        String third3 = coordinator(thirdSubject, "okinawa");
        post(TestTokens.regionalBody("okinawa"), uri + "/reassignment",
                "{\"to\":\"COORDINATOR\",\"coordinatorId\":\"" + third + "\",\"note\":\"地元企業に詳しい\"}")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.assignment.code").isEqualTo("manual")
                .jsonPath("$.assignment.reason.ja").value(text -> assertThat((String) text).contains("地元企業に詳しい"))
                .jsonPath("$.status").isEqualTo("ASSIGNED");

        // the workflow, with ETags
        long revision = stored(opened.id()).revision();
        client.post().uri(uri + "/acceptance").headers(h -> {
            h.setBearerAuth(third3);
            h.setIfMatch("\"" + (revision - 1) + "\"");
        }).exchange().expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED);
        client.post().uri(uri + "/acceptance").headers(h -> {
            h.setBearerAuth(third3);
            h.setIfMatch("\"" + revision + "\"");
        }).exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", "\"" + (revision + 1) + "\"")
                .expectBody().jsonPath("$.status").isEqualTo("ACCEPTED");
        post(third3, uri + "/acceptance", null).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.code").isEqualTo("case-not-awaiting-acceptance");
        post(third3, uri + "/stage", "{\"stage\":\"FIRST_CONTACT\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.stagesReached.firstContactAt").isNotEmpty();
        post(third3, uri + "/stage", "{\"stage\":\"FIRST_CONTACT\"}").expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.code").isEqualTo("stage-not-forward");
        post(third3, uri + "/stage", "{\"stage\":\"INTRODUCTION_MADE\"}").expectStatus().isOk();
        assertThat(get(third3, CASES + "?stage=INTRODUCTION_MADE").expectStatus().isOk()
                .expectBody(CaseResponse.CaseList.class).returnResult().getResponseBody().items())
                .extracting(CaseResponse::id).containsExactly(opened.id());
        assertThat(get(third3, CASES + "?stage=NEGOTIATING").expectStatus().isOk()
                .expectBody(CaseResponse.CaseList.class).returnResult().getResponseBody().items()).isEmpty();
        post(third3, uri + "/stage", "{\"stage\":\"NEGOTIATING\"}").expectStatus().isOk();

        post(third3, uri + "/notes", "{\"text\":\"先方と面談。\\n次回は見積もり。\"}").expectStatus().isCreated();
        post(TestTokens.regionalBody("okinawa"), uri + "/notes", "{\"text\":\"局も把握\"}").expectStatus().isCreated();
        post(member(opened.owner().memberId()), uri + "/notes", "{\"text\":\"x\"}").expectStatus().isForbidden();
        get(third3, uri).expectStatus().isOk().expectBody()
                .jsonPath("$.notes.length()").isEqualTo(2)
                .jsonPath("$.notes[0].author").isEqualTo(thirdSubject)
                .jsonPath("$.notes[0].text").isEqualTo("先方と面談。\n次回は見積もり。");

        get(third3, CASES + "/workload").expectStatus().isOk().expectBody()
                .jsonPath("$.open").isEqualTo(1)
                .jsonPath("$.byStage.NEGOTIATING").isEqualTo(1);
        get(TestTokens.regionalBody("okinawa"), CASES + "/workload/okinawa").expectStatus().isOk().expectBody()
                .jsonPath("$.unassigned").value(n -> assertThat((Integer) n).isGreaterThanOrEqualTo(1))
                .jsonPath("$.coordinators[?(@.coordinatorId == '" + third + "')].open").isEqualTo(List.of(1));
        get(TestTokens.regionalBody("kanto"), CASES + "/workload/okinawa").expectStatus().isForbidden();

        post(third3, uri + "/closure", "{\"outcome\":\"AGREEMENT_REACHED\"}").expectStatus().isBadRequest();
        post(third3, uri + "/closure", "{\"outcome\":\"AGREEMENT_REACHED\",\"reason\":\"共同開発契約を締結\"}")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("CLOSED")
                .jsonPath("$.closing.outcome").isEqualTo("AGREEMENT_REACHED");
        post(third3, uri + "/closure", "{\"outcome\":\"OTHER\",\"reason\":\"again\"}")
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
        get(member(opened.interested().memberId()), uri).expectStatus().isOk().expectBody()
                .jsonPath("$.closing.outcome").isEqualTo("AGREEMENT_REACHED")
                .jsonPath("$.closing.reason").doesNotExist();

        var closed = CASE_EVENTS.probe().awaitRecord(record -> opened.id().equals(record.key())
                && TopicCatalogue.CASE_CLOSED_V1.type().equals(TopicProbe.header(record, "ce_type")),
                TestMatches.WAIT);
        assertThat(TopicProbe.valueAsString(closed)).contains("\"outcome\":\"AGREEMENT_REACHED\"")
                .contains(opened.matchId()).doesNotContain("共同開発");

        // every change wrote its events with it, in order: codes and roster ids, never subjects or words
        List<String> types = CASE_EVENTS.probe().received().stream()
                .filter(record -> opened.id().equals(record.key()))
                .map(record -> TopicProbe.header(record, "ce_type").replace("jp.iinj.coordination.", ""))
                .toList();
        assertThat(types).containsExactly("case-opened.v1", "coordinator-assigned.v1",
                "assignment-declined.v1", "case-reassigned.v1", "coordinator-assigned.v1",
                "assignment-declined.v1", "case-queued.v1", "coordinator-assigned.v1", "case-accepted.v1",
                "case-stage-changed.v1", "case-stage-changed.v1", "case-stage-changed.v1", "case-closed.v1");
        assertThat(CASE_EVENTS.probe().received().stream().filter(record -> opened.id().equals(record.key())
                        && TopicCatalogue.CASE_STAGE_CHANGED_V1.type().equals(TopicProbe.header(record, "ce_type")))
                .map(TopicProbe::valueAsString).toList())
                .satisfiesExactly(
                        toFirst -> assertThat(toFirst).contains("\"fromStage\":null", "\"toStage\":\"FIRST_CONTACT\""),
                        toIntroduction -> assertThat(toIntroduction).contains("\"fromStage\":\"FIRST_CONTACT\"",
                                "\"toStage\":\"INTRODUCTION_MADE\""),
                        toNegotiating -> assertThat(toNegotiating).contains("\"toStage\":\"NEGOTIATING\""));
        assertThat(CASE_EVENTS.probe().received().stream().filter(record -> opened.id().equals(record.key()))
                .map(TopicProbe::valueAsString))
                .noneMatch(value -> value.contains(firstSubject) || value.contains(thirdSubject)
                        || value.contains("光学") || value.contains("面談") || value.contains("地元企業"));
        CASE_EVENTS.probe().awaitRecord(record -> queued.id().equals(record.key())
                && TopicCatalogue.CASE_QUEUED_V1.type().equals(TopicProbe.header(record, "ce_type")),
                TestMatches.WAIT);
    }
}
