package jp.iinj.eventfeeds.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.iinj.contracts.topics.EventType;
import jp.iinj.contracts.topics.TopicCatalogue;

class KpiFoldTest {

    static final KpiRegion FUKUOKA = new KpiRegion("kyushu", "40", "kyushu-semiconductor");
    static final KpiRegion KUMAMOTO = new KpiRegion("kyushu", "43", null);
    static final KpiRegion AICHI = new KpiRegion("chubu", "23", "chubu-aerospace");
    static final KpiRegion KYUSHU_CASES = new KpiRegion("kyushu", null, null);

    private long offset;

    @Test
    void aMemberCountsInTheStatusItsLastEventAnnounced() {
        Map<KpiCell, KpiCounts> cells = new KpiTally()
                .apply(event(TopicCatalogue.MEMBER_REGISTERED_V1, "m1", "2026-04-10T01:00:00Z", FUKUOKA))
                .apply(event(TopicCatalogue.MEMBER_APPROVED_V1, "m1", "2026-05-02T01:00:00Z", FUKUOKA))
                .apply(event(TopicCatalogue.MEMBER_SUSPENDED_V1, "m1", "2026-05-20T01:00:00Z", FUKUOKA))
                .apply(event(TopicCatalogue.MEMBER_REINSTATED_V1, "m1", "2026-06-01T01:00:00Z", FUKUOKA))
                .cells();

        KpiCounts april = cells.get(new KpiCell(FUKUOKA, YearMonth.of(2026, 4)));
        assertThat(april.registrations()).isEqualTo(1);
        assertThat(april.applied()).isEqualTo(1);
        KpiCounts may = cells.get(new KpiCell(FUKUOKA, YearMonth.of(2026, 5)));
        assertThat(may.applied()).isEqualTo(-1);
        assertThat(may.active()).isZero(); // approved, then suspended in the same month
        assertThat(may.suspended()).isEqualTo(1);
        KpiCounts june = cells.get(new KpiCell(FUKUOKA, YearMonth.of(2026, 6)));
        assertThat(june.suspended()).isEqualTo(-1);
        assertThat(june.active()).isEqualTo(1);
        KpiCounts total = KpiReport.sum(cells.values());
        assertThat(List.of(total.applied(), total.active(), total.suspended(), total.rejected(), total.withdrawn(),
                total.lapsed())).containsExactly(0L, 1L, 0L, 0L, 0L, 0L);
    }

    @Test
    void everyStatusOfTheRegistryIsCounted() {
        KpiTally tally = new KpiTally();
        tally.apply(event(TopicCatalogue.MEMBER_REGISTERED_V1, "applied", "2026-04-10T01:00:00Z", FUKUOKA));
        tally.apply(event(TopicCatalogue.MEMBER_REGISTERED_V1, "rejected", "2026-04-10T01:00:00Z", FUKUOKA));
        tally.apply(event(TopicCatalogue.MEMBER_REJECTED_V1, "rejected", "2026-04-11T01:00:00Z", FUKUOKA));
        tally.apply(event(TopicCatalogue.MEMBER_APPROVED_V1, "withdrawn", "2026-04-11T01:00:00Z", FUKUOKA));
        tally.apply(event(TopicCatalogue.MEMBER_WITHDRAWN_V1, "withdrawn", "2026-04-12T01:00:00Z", FUKUOKA));
        tally.apply(event(TopicCatalogue.MEMBER_APPROVED_V1, "lapsed", "2026-04-11T01:00:00Z", FUKUOKA));
        tally.apply(event(TopicCatalogue.MEMBER_LAPSED_V1, "lapsed", "2026-04-12T01:00:00Z", FUKUOKA));
        tally.apply(event(TopicCatalogue.MEMBER_APPROVED_V1, "renewed", "2026-04-11T01:00:00Z", FUKUOKA));
        tally.apply(event(TopicCatalogue.MEMBER_RENEWED_V1, "renewed", "2026-04-12T01:00:00Z", FUKUOKA));

        KpiCounts april = tally.cells().get(new KpiCell(FUKUOKA, YearMonth.of(2026, 4)));
        // a member first seen approved (its registration is older than the log) counts from then on
        assertThat(List.of(april.applied(), april.active(), april.suspended(), april.rejected(), april.withdrawn(),
                april.lapsed())).containsExactly(1L, 1L, 0L, 1L, 1L, 1L);
        assertThat(april.registrations()).isEqualTo(2);
    }

    @Test
    void aProfileUpdateMovesTheMemberToItsNewRegion() {
        Map<KpiCell, KpiCounts> cells = new KpiTally()
                .apply(event(TopicCatalogue.MEMBER_APPROVED_V1, "m1", "2026-04-10T01:00:00Z", FUKUOKA))
                .apply(event(TopicCatalogue.MEMBER_PROFILE_UPDATED_V1, "m1", "2026-04-11T01:00:00Z", FUKUOKA))
                .apply(event(TopicCatalogue.MEMBER_PROFILE_UPDATED_V1, "m1", "2026-05-11T01:00:00Z", KUMAMOTO))
                .cells();

        assertThat(cells.get(new KpiCell(FUKUOKA, YearMonth.of(2026, 4))).active()).isEqualTo(1);
        assertThat(cells.get(new KpiCell(FUKUOKA, YearMonth.of(2026, 5))).active()).isEqualTo(-1);
        assertThat(cells.get(new KpiCell(KUMAMOTO, YearMonth.of(2026, 5))).active()).isEqualTo(1);
        assertThat(cells).hasSize(3); // the update within the same region changed nothing
    }

    @Test
    void aProfileUpdateOfAMemberWhoseStatusIsUnknownCountsNowhere() {
        KpiTally tally = new KpiTally()
                .apply(event(TopicCatalogue.MEMBER_PROFILE_UPDATED_V1, "m1", "2026-04-11T01:00:00Z", FUKUOKA));
        assertThat(tally.cells()).isEmpty();

        tally.apply(event(TopicCatalogue.MEMBER_SUSPENDED_V1, "m1", "2026-04-12T01:00:00Z", FUKUOKA));
        assertThat(tally.cells().get(new KpiCell(FUKUOKA, YearMonth.of(2026, 4))).suspended()).isEqualTo(1);
    }

    @Test
    void theFunnelCountsProposalsInterestsAgreementsAndCasesClosedWithAnAgreement() {
        KpiTally tally = new KpiTally();
        tally.apply(event(TopicCatalogue.MATCH_PROPOSED_V1, "p1", "2026-04-10T01:00:00Z", FUKUOKA));
        tally.apply(event(TopicCatalogue.MATCH_PROPOSED_V1, "p2", "2026-04-10T01:00:00Z", FUKUOKA));
        tally.apply(event(TopicCatalogue.INTEREST_EXPRESSED_V1, "i1", "2026-04-11T01:00:00Z", FUKUOKA));
        tally.apply(event(TopicCatalogue.INTEREST_ACCEPTED_V1, "i1", "2026-04-12T01:00:00Z", FUKUOKA));
        tally.apply(event(TopicCatalogue.MATCH_AGREED_V1, "match1", "2026-04-12T01:00:00Z", FUKUOKA));
        tally.apply(event(TopicCatalogue.PROFILE_PUBLISHED_V1, "profile1", "2026-04-09T01:00:00Z", FUKUOKA));
        tally.apply(closed("c1", "2026-04-20T01:00:00Z", "AGREEMENT_REACHED"));
        tally.apply(closed("c2", "2026-04-21T01:00:00Z", "NO_INTEREST"));
        tally.apply(event(TopicCatalogue.CASE_ESCALATED_V1, "c3", "2026-04-22T01:00:00Z", KYUSHU_CASES));

        KpiCounts april = tally.cells().get(new KpiCell(FUKUOKA, YearMonth.of(2026, 4)));
        assertThat(april.proposals()).isEqualTo(2);
        assertThat(april.interests()).isEqualTo(1);
        assertThat(april.agreements()).isEqualTo(1);
        assertThat(april.profilesPublished()).isEqualTo(1);
        KpiCounts cases = tally.cells().get(new KpiCell(KYUSHU_CASES, YearMonth.of(2026, 4)));
        assertThat(cases.casesClosed()).isEqualTo(2);
        assertThat(cases.casesClosedWithAgreement()).isEqualTo(1);
        assertThat(cases.escalations()).isEqualTo(1);
    }

    @Test
    void aCaseClosedWithDataThatIsNotReadableCountsAsClosedWithoutAnAgreement() {
        KpiTally tally = new KpiTally().apply(withData(TopicCatalogue.CASE_CLOSED_V1, "c1", "2026-04-20T01:00:00Z",
                KYUSHU_CASES, "[1,2]"));
        KpiCounts cases = tally.cells().get(new KpiCell(KYUSHU_CASES, YearMonth.of(2026, 4)));
        assertThat(cases.casesClosed()).isEqualTo(1);
        assertThat(cases.casesClosedWithAgreement()).isZero();
    }

    @Test
    void timeToFirstContactRunsFromTheOpeningToTheFirstStageOnly() {
        KpiTally tally = new KpiTally();
        tally.apply(event(TopicCatalogue.CASE_OPENED_V1, "c1", "2026-04-30T10:00:00Z", KYUSHU_CASES));
        tally.apply(event(TopicCatalogue.COORDINATOR_ASSIGNED_V1, "c1", "2026-04-30T10:00:00Z", KYUSHU_CASES));
        tally.apply(event(TopicCatalogue.CASE_ACCEPTED_V1, "c1", "2026-05-01T10:00:00Z", KYUSHU_CASES));
        tally.apply(event(TopicCatalogue.CASE_STAGE_CHANGED_V1, "c1", "2026-05-02T10:00:00Z", KYUSHU_CASES));
        tally.apply(event(TopicCatalogue.CASE_STAGE_CHANGED_V1, "c1", "2026-05-09T10:00:00Z", KYUSHU_CASES));

        assertThat(tally.cells().get(new KpiCell(KYUSHU_CASES, YearMonth.of(2026, 5))).firstContactSeconds())
                .containsExactly(2 * 86_400L);
        assertThat(tally.cells()).doesNotContainKey(new KpiCell(KYUSHU_CASES, YearMonth.of(2026, 4)));
    }

    @Test
    void aCaseWhoseOpeningIsNotInTheLogHasNoTimeToFirstContact() {
        KpiTally tally = new KpiTally()
                .apply(event(TopicCatalogue.CASE_STAGE_CHANGED_V1, "c1", "2026-05-02T10:00:00Z", KYUSHU_CASES))
                .apply(event(TopicCatalogue.CASE_STAGE_CHANGED_V1, "c1", "2026-05-03T10:00:00Z", KYUSHU_CASES));
        assertThat(tally.cells()).isEmpty();
    }

    @Test
    void monthsAreJapansMonths() {
        // 15:00 UTC on 31 March is midnight in Tokyo: April
        KpiTally tally = new KpiTally()
                .apply(event(TopicCatalogue.PROFILE_PUBLISHED_V1, "p1", "2026-03-31T14:59:59Z", AICHI))
                .apply(event(TopicCatalogue.PROFILE_PUBLISHED_V1, "p2", "2026-03-31T15:00:00Z", AICHI));
        assertThat(tally.cells().get(new KpiCell(AICHI, YearMonth.of(2026, 3))).profilesPublished()).isEqualTo(1);
        assertThat(tally.cells().get(new KpiCell(AICHI, YearMonth.of(2026, 4))).profilesPublished()).isEqualTo(1);
    }

    @Test
    void typesTheKpisDoNotCountLeaveNothing() {
        KpiTally tally = new KpiTally()
                .apply(event(TopicCatalogue.PROFILE_WITHDRAWN_V1, "p1", "2026-04-10T01:00:00Z", AICHI))
                .apply(event(TopicCatalogue.CASE_QUEUED_V1, "c1", "2026-04-10T01:00:00Z", KYUSHU_CASES))
                .apply(new KpiEvent("x", "jp.iinj.coordination.case-something-new.v1", "c1",
                        Instant.parse("2026-04-10T01:00:00Z"), KYUSHU_CASES, "{}".getBytes(StandardCharsets.UTF_8),
                        "coordination.case-events.v1", 0, offset++));
        assertThat(tally.cells()).isEmpty();
    }

    @Test
    void everyTypeTheFoldReadsIsOneAReplayReads() {
        for (EventType<?> type : List.of(TopicCatalogue.MEMBER_REGISTERED_V1, TopicCatalogue.MEMBER_PROFILE_UPDATED_V1,
                TopicCatalogue.CASE_OPENED_V1, TopicCatalogue.CASE_STAGE_CHANGED_V1, TopicCatalogue.CASE_CLOSED_V1,
                TopicCatalogue.CASE_ESCALATED_V1, TopicCatalogue.MATCH_AGREED_V1, TopicCatalogue.MATCH_PROPOSED_V1,
                TopicCatalogue.INTEREST_EXPRESSED_V1, TopicCatalogue.PROFILE_PUBLISHED_V1)) {
            assertThat(KpiFold.TYPES).contains(type.type());
        }
        for (String type : TopicCatalogue.all().stream().flatMap(topic -> topic.eventTypes().stream()).map(EventType::type).toList()) {
            KpiFold.Step step = KpiFold.apply(new KpiEvent("e", type, "s", Instant.parse("2026-04-10T01:00:00Z"),
                    FUKUOKA, "{\"outcome\":\"AGREEMENT_REACHED\"}".getBytes(StandardCharsets.UTF_8), "t", 0, 1), null);
            if (!KpiFold.TYPES.contains(type)) {
                assertThat(step.contributions()).as(type).isEmpty();
                assertThat(step.after()).as(type).isNull();
            }
        }
    }

    KpiEvent event(EventType<?> type, String subject, String time, KpiRegion region) {
        return withData(type, subject, time, region, "{}");
    }

    KpiEvent closed(String caseId, String time, String outcome) {
        return withData(TopicCatalogue.CASE_CLOSED_V1, caseId, time, KYUSHU_CASES,
                "{\"caseId\":\"" + caseId + "\",\"outcome\":\"" + outcome + "\"}");
    }

    KpiEvent withData(EventType<?> type, String subject, String time, KpiRegion region, String data) {
        return new KpiEvent(UUID.randomUUID().toString(), type.type(), subject, Instant.parse(time), region,
                data.getBytes(StandardCharsets.UTF_8), TopicCatalogue.topicCarrying(type).name(), 0, offset++);
    }
}
