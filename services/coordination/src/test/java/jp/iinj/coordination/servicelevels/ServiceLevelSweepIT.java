package jp.iinj.coordination.servicelevels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import jp.iinj.contracts.access.PlatformRole;
import jp.iinj.contracts.coordination.EscalationReason;
import jp.iinj.contracts.topics.EventType;
import jp.iinj.contracts.topics.TopicCatalogue;
import jp.iinj.coordination.cases.CaseAssignments;
import jp.iinj.coordination.cases.CaseResponse;
import jp.iinj.coordination.cases.CaseStatus;
import jp.iinj.coordination.cases.CoordinationCase;
import jp.iinj.coordination.cases.DueDates;
import jp.iinj.coordination.messaging.CaseEvents;
import jp.iinj.coordination.roster.Coordinator;
import jp.iinj.coordination.support.CoordinationIntegrationTest;
import jp.iinj.coordination.support.TestMatches;
import jp.iinj.coordination.support.TestRoster;
import jp.iinj.eventing.outbox.AggregateStore;
import jp.iinj.testing.kafka.TopicProbe;
import jp.iinj.testing.kafka.TopicProbeExtension;
import jp.iinj.testing.time.MutableClock;
import jp.iinj.testing.tokens.TestTokens;

/**
 * The service-level sweep with clocks the tests move: cases are given assignment times in September and October 2026
 * (long before the real clock, so the sweeps here never touch other tests' cases), across a weekend and public
 * holidays; the sweep runs as two instances at once and as an instance started again after a downtime. Every
 * reassignment, escalation and notification happens exactly once.
 */
@CoordinationIntegrationTest
class ServiceLevelSweepIT {

    private static final Duration WAIT = TestMatches.WAIT;
    private static final String CASES = "/api/coordination/cases";

    @RegisterExtension
    static final TopicProbeExtension EVENTS = TopicProbeExtension.on(TopicCatalogue.CASE_EVENTS_V1.name(),
            TopicCatalogue.COORDINATION_NOTIFICATIONS_V1.name());

    @Autowired
    WebTestClient client;
    @Autowired
    TestRoster roster;
    @Autowired
    TestMatches matches;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    AggregateStore store;
    @Autowired
    CaseAssignments assignments;
    @Autowired
    CaseEvents events;
    @Autowired
    DueDates dueDates;

    /** An instance of the service's sweep, on its own clock. */
    private ServiceLevelSweep instanceAt(Instant now) {
        return new ServiceLevelSweep(mongo, store, assignments, events, MutableClock.at(now));
    }

    private static Instant tokyo(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), BusinessDays.JAPAN).toInstant();
    }

    private static String coordinator(String subject, String bureau) {
        return TestTokens.ISSUER.token(subject).roles(PlatformRole.COORDINATOR).bureaus(List.of(bureau)).sign();
    }

    /** Nobody else covers the bureau, whatever other tests put on the roster. */
    private void emptyRosterOf(String bureau) {
        mongo.updateMulti(Query.query(where("bureaus").is(bureau)), Update.update("active", false), Coordinator.class)
                .block();
        // changed behind the service's back: the copy new cases are assigned with must be read again
        assignments.forgetRecentWorkload();
    }

    /** As if the rules had given the case to its coordinator at {@code at}: the due dates follow from it. */
    private void assignedAt(CoordinationCase found, Instant at) {
        mongo.updateFirst(Query.query(where("_id").is(found.id())), new Update()
                .set("assignment.assignedAt", at)
                .set("acceptanceDueAt", dueDates.acceptanceDue(at))
                .set("firstContactDueAt", dueDates.firstContactDue(at)), CoordinationCase.class).block();
    }

    private CoordinationCase stored(String caseId) {
        return mongo.findById(caseId, CoordinationCase.class).block();
    }

    private static boolean is(ConsumerRecord<String, byte[]> record, EventType<?> type) {
        return type.type().equals(TopicProbe.header(record, "ce_type"));
    }

    private static boolean notification(ConsumerRecord<String, byte[]> record, String kind, String recipient,
                                        String caseId) {
        String value = TopicProbe.valueAsString(record);
        return is(record, TopicCatalogue.COORDINATION_NOTIFICATION_REQUESTED_V1)
                && value.contains("\"kind\":\"" + kind + "\"") && value.contains("\"" + recipient + "\"")
                && value.contains("/coordination/cases/" + caseId);
    }

    private long count(String caseId, EventType<?> type) {
        return EVENTS.probe().received().stream().filter(record -> caseId.equals(record.key()) && is(record, type))
                .count();
    }

    @Test
    void notAcceptedAcrossAWeekendAndPublicHolidaysGoesToTheNextBestThenToTheEscalatedQueue() {
        emptyRosterOf("chubu");
        String firstSubject = TestRoster.newSubject();
        String secondSubject = TestRoster.newSubject();
        roster.addedWithExpertise(firstSubject, "中部 一郎", List.of("robotics"), 10, "chubu");
        roster.addedWithExpertise(secondSubject, "中部 二郎", List.of("materials"), 10, "chubu");
        CoordinationCase opened = matches.opened(TestMatches.match("chubu", "chubu", List.of("robotics")));
        assertThat(opened.status()).isEqualTo(CaseStatus.ASSIGNED);
        String first = opened.assignment().coordinatorId();

        // Friday 18 September 2026; then a weekend and three holidays (21, 22, 23 September): two business days are
        // Thursday 24 and Friday 25, so acceptance is due at the end of Friday 25 September, Tokyo time
        assignedAt(opened, tokyo("2026-09-18T10:00"));
        assertThat(stored(opened.id()).acceptanceDueAt()).isEqualTo(tokyo("2026-09-26T00:00"));

        ServiceLevelSweep.Result onTime = instanceAt(tokyo("2026-09-25T23:59")).sweep().block();
        assertThat(stored(opened.id()).assignment().coordinatorId()).isEqualTo(first);
        assertThat(onTime.changed()).isZero();

        instanceAt(tokyo("2026-09-26T00:00:01")).sweep().block();
        CoordinationCase reassigned = stored(opened.id());
        assertThat(reassigned.status()).isEqualTo(CaseStatus.ASSIGNED);
        assertThat(reassigned.assignment().coordinatorId()).isNotEqualTo(first);
        assertThat(reassigned.lapses()).singleElement()
                .satisfies(lapse -> assertThat(lapse.coordinatorId()).isEqualTo(first));
        // the new coordinator has the full time again, from Saturday: Monday 28 and Tuesday 29 September
        assertThat(reassigned.acceptanceDueAt()).isEqualTo(tokyo("2026-09-30T00:00"));
        var moved = EVENTS.probe().awaitRecord(record -> opened.id().equals(record.key())
                && is(record, TopicCatalogue.CASE_REASSIGNED_V1), WAIT);
        assertThat(TopicProbe.valueAsString(moved)).contains("\"reason\":\"NOT_ACCEPTED_IN_TIME\"")
                .contains(first).contains(reassigned.assignment().coordinatorId());
        EVENTS.probe().awaitRecord(record -> notification(record, "case-assigned",
                reassigned.assignment().coordinatorSubject(), opened.id()), WAIT);
        EVENTS.probe().awaitRecord(record -> notification(record, "case-reassigned",
                opened.assignment().coordinatorSubject(), opened.id()), WAIT);

        // nobody left who has not let it lapse: the bureau's queue, escalated, and the bureau is told
        instanceAt(tokyo("2026-09-30T00:00:01")).sweep().block();
        CoordinationCase queued = stored(opened.id());
        assertThat(queued.status()).isEqualTo(CaseStatus.QUEUED);
        assertThat(queued.escalation().reason()).isEqualTo(EscalationReason.NOT_ACCEPTED_IN_TIME);
        assertThat(queued.escalation().bureau()).isEqualTo("chubu");
        EVENTS.probe().awaitRecord(record -> opened.id().equals(record.key())
                && is(record, TopicCatalogue.CASE_QUEUED_V1), WAIT);
        var escalated = EVENTS.probe().awaitRecord(record -> opened.id().equals(record.key())
                && is(record, TopicCatalogue.CASE_ESCALATED_V1), WAIT);
        assertThat(TopicProbe.valueAsString(escalated)).contains("\"reason\":\"NOT_ACCEPTED_IN_TIME\"")
                .contains("\"bureau\":\"chubu\"");
        EVENTS.probe().awaitRecord(record -> notification(record, "case-escalated", "chubu", opened.id()), WAIT);

        String chubu = TestTokens.regionalBody("chubu");
        for (String view : List.of("queue", "escalated")) {
            assertThat(client.get().uri(CASES + "?view=" + view + "&bureau=chubu")
                    .headers(h -> h.setBearerAuth(chubu)).exchange().expectStatus().isOk()
                    .expectBody(CaseResponse.CaseList.class).returnResult().getResponseBody().items())
                    .extracting(CaseResponse::id).contains(opened.id());
        }
        // later sweeps leave it with the bureau: no second escalation
        instanceAt(tokyo("2026-10-05T09:00")).sweep().block();
        EVENTS.probe().assertNoMoreRecords(record -> opened.id().equals(record.key())
                && is(record, TopicCatalogue.CASE_ESCALATED_V1), Duration.ofSeconds(2));
        assertThat(count(opened.id(), TopicCatalogue.CASE_ESCALATED_V1)).isEqualTo(1);
        assertThat(count(opened.id(), TopicCatalogue.CASE_REASSIGNED_V1)).isEqualTo(1);
    }

    @Test
    void noFirstContactInTimeEscalatesOnceAcrossTwoInstancesAndARestart() {
        emptyRosterOf("shikoku");
        String subject = TestRoster.newSubject();
        roster.addedWithExpertise(subject, "四国 三郎", List.of("food-agriculture"), 10, "shikoku");
        String token = coordinator(subject, "shikoku");
        List<CoordinationCase> cases = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> matches.opened(TestMatches.match("shikoku", "shikoku", List.of("food-agriculture"))))
                .toList();
        for (CoordinationCase found : cases) {
            client.post().uri(CASES + "/{id}/acceptance", found.id()).headers(h -> h.setBearerAuth(token))
                    .exchange().expectStatus().isOk();
        }
        CoordinationCase early = cases.get(0);
        CoordinationCase late = cases.get(1);
        CoordinationCase contacted = cases.get(2);
        // early: assigned Thursday 1 October; ten business days skip the weekends and Sports Day (12 October), so
        // first contact is due at the end of Friday 16 October. late: assigned a week later, due 23 October
        assignedAt(early, tokyo("2026-10-01T10:00"));
        assignedAt(late, tokyo("2026-10-08T10:00"));
        assignedAt(contacted, tokyo("2026-10-01T10:00"));
        assertThat(stored(early.id()).firstContactDueAt()).isEqualTo(tokyo("2026-10-17T00:00"));
        assertThat(stored(late.id()).firstContactDueAt()).isEqualTo(tokyo("2026-10-24T00:00"));
        client.post().uri(CASES + "/{id}/stage", contacted.id()).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"stage\":\"FIRST_CONTACT\"}")
                .exchange().expectStatus().isOk();

        // two instances at once, on Saturday 17 October: only "early" is due, and it is escalated once
        ServiceLevelSweep one = instanceAt(tokyo("2026-10-17T08:00"));
        ServiceLevelSweep two = instanceAt(tokyo("2026-10-17T08:00"));
        CompletableFuture.allOf(CompletableFuture.runAsync(() -> one.sweep().block()),
                CompletableFuture.runAsync(() -> two.sweep().block())).join();
        assertThat(stored(early.id()).escalation().reason()).isEqualTo(EscalationReason.NO_FIRST_CONTACT_IN_TIME);
        assertThat(stored(late.id()).escalation()).isNull();

        // then every instance is down past late's due date; the one started again finds it, and nothing twice
        ServiceLevelSweep restarted = instanceAt(tokyo("2026-10-26T09:00"));
        ServiceLevelSweep.Result afterRestart = restarted.sweep().block();
        assertThat(stored(late.id()).escalation().reason()).isEqualTo(EscalationReason.NO_FIRST_CONTACT_IN_TIME);
        assertThat(afterRestart.escalated()).isGreaterThanOrEqualTo(1);
        restarted.sweep().block();

        for (CoordinationCase escalated : List.of(early, late)) {
            EVENTS.probe().awaitRecord(record -> escalated.id().equals(record.key())
                    && is(record, TopicCatalogue.CASE_ESCALATED_V1), WAIT);
            EVENTS.probe().awaitRecord(record -> notification(record, "case-escalated", "shikoku", escalated.id()),
                    WAIT);
            // the coordinator keeps it, and hears it is overdue
            EVENTS.probe().awaitRecord(record -> notification(record, "case-overdue", subject, escalated.id()), WAIT);
        }
        EVENTS.probe().assertNoMoreRecords(record -> is(record, TopicCatalogue.CASE_ESCALATED_V1)
                && cases.stream().anyMatch(c -> c.id().equals(record.key())), Duration.ofSeconds(2));
        assertThat(count(early.id(), TopicCatalogue.CASE_ESCALATED_V1)).isEqualTo(1);
        assertThat(count(late.id(), TopicCatalogue.CASE_ESCALATED_V1)).isEqualTo(1);
        assertThat(count(contacted.id(), TopicCatalogue.CASE_ESCALATED_V1)).isZero();
        assertThat(EVENTS.probe().received().stream()
                .filter(record -> notification(record, "case-escalated", "shikoku", early.id()))).hasSize(1);
        // escalated, the case stays with its coordinator, who can still make first contact
        assertThat(stored(early.id()).assignment().coordinatorSubject()).isEqualTo(subject);
        client.post().uri(CASES + "/{id}/stage", early.id()).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"stage\":\"FIRST_CONTACT\"}")
                .exchange().expectStatus().isOk();
    }

    @Test
    void twoInstancesThatReadTheSameDueCaseActOnItOnce() {
        emptyRosterOf("hokkaido");
        String subject = TestRoster.newSubject();
        roster.addedWithExpertise(subject, "北海 五郎", List.of("energy"), 10, "hokkaido");
        CoordinationCase notAccepted = matches.opened(TestMatches.match("hokkaido", "hokkaido", List.of("energy")));
        CoordinationCase noContact = matches.opened(TestMatches.match("hokkaido", "hokkaido", List.of("energy")));
        client.post().uri(CASES + "/{id}/acceptance", noContact.id())
                .headers(h -> h.setBearerAuth(coordinator(subject, "hokkaido"))).exchange().expectStatus().isOk();
        assignedAt(notAccepted, tokyo("2026-09-01T10:00"));
        assignedAt(noContact, tokyo("2026-09-01T10:00"));
        Instant now = tokyo("2026-09-30T10:00");

        for (CoordinationCase due : List.of(notAccepted, noContact)) {
            // both instances read the same copy before either writes; the second write misses its revision
            CoordinationCase read = stored(due.id());
            ServiceLevelSweep.Result first = instanceAt(now).actOn(read, now).block();
            ServiceLevelSweep.Result second = instanceAt(now).actOn(read, now).block();
            assertThat(first.changed()).as(due.id()).isEqualTo(1);
            assertThat(second.changed()).as(due.id()).isZero();
            assertThat(second.skipped()).as(due.id()).isEqualTo(1);
        }
        EVENTS.probe().awaitRecord(record -> noContact.id().equals(record.key())
                && is(record, TopicCatalogue.CASE_ESCALATED_V1), WAIT);
        EVENTS.probe().awaitRecord(record -> notAccepted.id().equals(record.key())
                && is(record, TopicCatalogue.CASE_QUEUED_V1), WAIT);
        EVENTS.probe().awaitRecord(record -> notAccepted.id().equals(record.key())
                && is(record, TopicCatalogue.CASE_ESCALATED_V1), WAIT);
        EVENTS.probe().assertNoMoreRecords(record -> (noContact.id().equals(record.key())
                || notAccepted.id().equals(record.key())) && is(record, TopicCatalogue.CASE_ESCALATED_V1),
                Duration.ofSeconds(2));
        assertThat(count(noContact.id(), TopicCatalogue.CASE_ESCALATED_V1)).isEqualTo(1);
        assertThat(count(notAccepted.id(), TopicCatalogue.CASE_ESCALATED_V1)).isEqualTo(1);
        assertThat(count(notAccepted.id(), TopicCatalogue.CASE_QUEUED_V1)).isEqualTo(1);
    }

    @Test
    void whoeverIsToldFindsItInTheirInbox() {
        emptyRosterOf("chubu");
        String subject = TestRoster.newSubject();
        roster.addedWithExpertise(subject, "受信 四郎", List.of("medical-healthcare"), 10, "chubu");
        var agreed = TestMatches.match("chubu", "chubu", List.of("medical-healthcare"));
        CoordinationCase opened = matches.opened(agreed);
        String coordinatorToken = coordinator(subject, "chubu");
        String memberToken = TestTokens.memberOf(agreed.owner().memberId());

        await().atMost(WAIT).untilAsserted(() -> {
            inboxOf(coordinatorToken).jsonPath("$.items[?(@.kind == 'case-assigned')].link")
                    .value(links -> assertThat((List<Object>) links).contains((Object) "/coordination/cases/" + opened.id()));
            inboxOf(memberToken).jsonPath("$.items[?(@.kind == 'case-opened')].link")
                    .value(links -> assertThat((List<Object>) links).contains((Object) "/coordination/cases/" + opened.id()));
        });
        // both members' people are told, and nobody else
        inboxOf(TestTokens.memberOf(agreed.interested().memberId()))
                .jsonPath("$.items[?(@.kind == 'case-opened')].link")
                .value(links -> assertThat((List<Object>) links).contains((Object) "/coordination/cases/" + opened.id()));
        inboxOf(TestTokens.memberOf("someone-else")).jsonPath("$.items.length()").isEqualTo(0);
        inboxOf(coordinator(TestRoster.newSubject(), "chubu")).jsonPath("$.items.length()").isEqualTo(0);

        // not accepted and nobody else in the bureau: escalated, and its regional body hears, in a shared inbox
        assignedAt(opened, tokyo("2026-09-01T10:00"));
        instanceAt(tokyo("2026-09-10T10:00")).sweep().block();
        String chubu = TestTokens.regionalBody("chubu");
        await().atMost(WAIT).untilAsserted(() -> inboxOf(chubu)
                .jsonPath("$.items[?(@.kind == 'case-escalated')].link")
                .value(links -> assertThat((List<Object>) links).contains((Object) "/coordination/cases/" + opened.id())));
        inboxOf(TestTokens.regionalBody("kanto")).jsonPath("$.items[?(@.link == '/coordination/cases/"
                + opened.id() + "')]").isEmpty();
        client.post().uri("/api/coordination/inbox/read").headers(h -> h.setBearerAuth(chubu)).exchange()
                .expectStatus().isNoContent();
        inboxOf(chubu).jsonPath("$.unread").isEqualTo(0);
        inboxOf(coordinatorToken).jsonPath("$.unread").value(n -> assertThat((Integer) n).isGreaterThanOrEqualTo(1));
    }

    private WebTestClient.BodyContentSpec inboxOf(String token) {
        return client.get().uri("/api/coordination/inbox").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody();
    }
}
