package jp.iinj.coordination.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.iinj.contracts.calendar.DateNotCoveredException;
import jp.iinj.coordination.assignment.AssignmentRules;
import jp.iinj.coordination.roster.Availability;
import jp.iinj.coordination.roster.Coordinator;
import jp.iinj.coordination.roster.RosterEntry;

/** The in-memory session a burst of new cases, or a sweep, assigns with. */
class CaseAssignmentsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");
    private static final DueDates DUE = new jp.iinj.coordination.servicelevels.BusinessDayDueDates(
            new ServiceLevelSettings(2, 10));
    private static final DueDates PAST_THE_HOLIDAY_LIST = new DueDates() {
        @Override
        public Instant acceptanceDue(Instant assignedAt) {
            throw new DateNotCoveredException(java.time.LocalDate.of(2028, 1, 4), java.time.LocalDate.of(2020, 1, 1),
                    java.time.LocalDate.of(2027, 12, 31), "v1");
        }

        @Override
        public Instant firstContactDue(Instant assignedAt) {
            throw new DateNotCoveredException(java.time.LocalDate.of(2028, 1, 4), java.time.LocalDate.of(2020, 1, 1),
                    java.time.LocalDate.of(2027, 12, 31), "v1");
        }
    };

    private static Coordinator coordinator(String id) {
        return Coordinator.rostered(id, "subject-" + id, new RosterEntry("名前 " + id, List.of("kanto"), List.of(),
                List.of("materials"), List.of(), List.of("ja"), 10, Availability.active()), "admin", T0);
    }

    private static CoordinationCase newCase(String id) {
        return CoordinationCase.opened(id, "match-" + id, "interest-" + id,
                new CaseParts.Party("m-1", "p-1", "kanto", "13"), new CaseParts.Party("m-2", null, "kanto", "13"),
                List.of("materials"), T0, T0);
    }

    private static CaseAssignments assignments(DueDates dueDates) {
        return new CaseAssignments(null, new AssignmentRules(Clock.fixed(T0, ZoneOffset.UTC)), dueDates);
    }

    @Test
    void eachAssignmentCountsForTheNextSoTheLoadSpreads() {
        var session = assignments(DUE).sessionOf(List.of(coordinator("a"), coordinator("b")), Map.of(), Map.of());
        List<String> chosen = List.of("c-1", "c-2", "c-3", "c-4").stream()
                .map(id -> session.assignOrQueue(newCase(id), T0).assignment().coordinatorId()).toList();
        assertThat(chosen).containsExactlyInAnyOrder("a", "a", "b", "b");
        assertThat(session.openCasesOf("a")).isEqualTo(2);
        session.released("a");
        assertThat(session.openCasesOf("a")).isEqualTo(1);
    }

    @Test
    void dueDatesPastTheHolidayListQueueTheCaseForItsBureauInsteadOfFailingForEver() {
        var session = assignments(PAST_THE_HOLIDAY_LIST).sessionOf(List.of(coordinator("a")), Map.of(), Map.of());
        CoordinationCase queued = session.assignOrQueue(newCase("c-9"), T0);
        assertThat(queued.status()).isEqualTo(CaseStatus.QUEUED);
        assertThat(queued.queueing().reason()).isEqualTo(CaseAssignments.NO_DUE_DATES);
        assertThat(session.openCasesOf("a")).as("nothing counted for a case not given").isZero();
    }
}
