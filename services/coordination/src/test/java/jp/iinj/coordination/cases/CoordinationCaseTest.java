package jp.iinj.coordination.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.iinj.contracts.coordination.CaseOutcome;
import jp.iinj.contracts.coordination.EscalationReason;
import jp.iinj.coordination.assignment.AssignmentReason;
import jp.iinj.httpapi.core.problems.ConflictException;

/** The case's state transitions: what each allows, what it records, and what it refuses (409). */
class CoordinationCaseTest {

    private static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z");
    private static final DueDates DUE = new jp.iinj.coordination.servicelevels.BusinessDayDueDates(
            new ServiceLevelSettings(2, 10));
    private static final AssignmentReason WHY = new AssignmentReason("理由", "reason");

    private static CoordinationCase opened() {
        return CoordinationCase.opened("case-1", "match-1", "interest-1",
                new CaseParts.Party("m-1", "p-1", "kanto", "13"), new CaseParts.Party("m-2", null, "kinki", "27"),
                List.of("materials"), T0.minusSeconds(60), T0);
    }

    private static CaseParts.Assignment to(String coordinatorId, Instant at) {
        return new CaseParts.Assignment(coordinatorId, "subject-" + coordinatorId, "name", "kanto", "expertise", WHY,
                at, null);
    }

    private static CoordinationCase assigned() {
        return opened().assignedTo(to("c-1", T0), DUE);
    }

    @Test
    void anOpenedCaseHasBothPartiesBureausAndMembers() {
        CoordinationCase opened = opened();
        assertThat(opened.bureaus()).containsExactly("kanto", "kinki");
        assertThat(opened.memberIds()).containsExactly("m-1", "m-2");
        assertThat(opened.toAssign().partyBureaus()).containsExactly("kanto", "kinki");
    }

    @Test
    void assignmentSetsBothDueDatesFromTheAssignment() {
        CoordinationCase assigned = assigned();
        assertThat(assigned.status()).isEqualTo(CaseStatus.ASSIGNED);
        // Tue 1 Dec 2026, 10:00 in Tokyo: the end of Thu 3 Dec, and of Tue 15 Dec (two weekends between)
        assertThat(assigned.acceptanceDueAt()).isEqualTo(Instant.parse("2026-12-03T15:00:00Z"));
        assertThat(assigned.firstContactDueAt()).isEqualTo(Instant.parse("2026-12-15T15:00:00Z"));
        assertThat(assigned.nextDueAt()).isEqualTo(assigned.acceptanceDueAt());
        assertThat(assigned.overdueAt(T0.plus(Duration.ofDays(3)))).isTrue();
        assertThat(assigned.owningBureau()).isEqualTo("kanto");
    }

    @Test
    void aQueuedCaseHasNoDueDatesAndCannotBeAccepted() {
        CoordinationCase queued = opened().queued(WHY, T0, null);
        assertThat(queued.status()).isEqualTo(CaseStatus.QUEUED);
        assertThat(queued.nextDueAt()).isNull();
        assertThat(queued.overdueAt(T0.plus(Duration.ofDays(30)))).isFalse();
        assertThatThrownBy(() -> queued.accepted(T0)).isInstanceOf(ConflictException.class);
    }

    @Test
    void acceptanceThenStagesForwardOnlyRecordingWhenEachWasReached() {
        CoordinationCase accepted = assigned().accepted(T0.plusSeconds(10));
        assertThat(accepted.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(accepted.nextDueAt()).isEqualTo(accepted.firstContactDueAt());
        assertThatThrownBy(() -> accepted.accepted(T0)).isInstanceOf(ConflictException.class);

        CoordinationCase contacted = accepted.reached(CaseStage.FIRST_CONTACT, T0.plusSeconds(20));
        assertThat(contacted.stagesReached().firstContactAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(contacted.nextDueAt()).isNull();
        assertThat(contacted.overdueAt(T0.plus(Duration.ofDays(30)))).isFalse();
        assertThatThrownBy(() -> contacted.reached(CaseStage.FIRST_CONTACT, T0))
                .isInstanceOf(ConflictException.class);

        CoordinationCase negotiating = contacted.reached(CaseStage.NEGOTIATING, T0.plusSeconds(30));
        assertThat(negotiating.stage()).isEqualTo(CaseStage.NEGOTIATING);
        assertThat(negotiating.stagesReached()).isEqualTo(new CaseParts.StagesReached(T0.plusSeconds(20),
                T0.plusSeconds(30), T0.plusSeconds(30)));
        assertThatThrownBy(() -> negotiating.reached(CaseStage.INTRODUCTION_MADE, T0))
                .isInstanceOf(ConflictException.class);
        assertThat(negotiating.revision()).isEqualTo(assigned().revision() + 3);
    }

    @Test
    void stagesNeedAcceptanceFirst() {
        assertThatThrownBy(() -> assigned().reached(CaseStage.FIRST_CONTACT, T0))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aDeclineExcludesTheCoordinatorAndTheNextAssignmentIsOneRevisionOn() {
        CoordinationCase current = assigned();
        CoordinationCase declined = current.declined(DeclineReason.OUTSIDE_EXPERTISE, "専門外", T0.plusSeconds(5));
        assertThat(declined.toAssign().declinedBy()).containsExactly("c-1");
        CoordinationCase next = declined.assignedTo(to("c-2", T0.plusSeconds(5)), DUE);
        assertThat(next.revision()).isEqualTo(current.revision() + 1);
        assertThat(next.assignment().coordinatorId()).isEqualTo("c-2");
        assertThat(next.acceptanceDueAt()).isEqualTo(Instant.parse("2026-12-03T15:00:00Z"));
        assertThat(next.declinations()).hasSize(1);
        assertThatThrownBy(() -> assigned().accepted(T0).declined(DeclineReason.OTHER, null, T0))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void closingEndsEverything() {
        CoordinationCase closed = assigned().accepted(T0)
                .closed(CaseOutcome.AGREEMENT_REACHED, "契約締結", "subject-c-1", T0.plusSeconds(99));
        assertThat(closed.open()).isFalse();
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closing().outcome()).isEqualTo(CaseOutcome.AGREEMENT_REACHED);
        assertThat(closed.nextDueAt()).isNull();
        assertThatThrownBy(() -> closed.closed(CaseOutcome.OTHER, "again", "x", T0))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> closed.assignedTo(to("c-2", T0), DUE)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> closed.queued(WHY, T0, "x")).isInstanceOf(ConflictException.class);
    }

    @Test
    void notesAreKeptInOrderUpToTheirLimit() {
        CoordinationCase noted = assigned();
        for (int i = 0; i < CoordinationCase.MAX_NOTES; i++) {
            noted = noted.noted(new CaseParts.Note("n" + i, "someone", T0.plusSeconds(i), "note " + i));
        }
        assertThat(noted.notes()).hasSize(CoordinationCase.MAX_NOTES);
        assertThat(noted.notes().get(0).text()).isEqualTo("note 0");
        CoordinationCase full = noted;
        assertThatThrownBy(() -> full.noted(new CaseParts.Note("x", "s", T0, "one more")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aCaseMovedByHandKeepsItsStagesAndWaitsForAcceptanceAgain() {
        CoordinationCase contacted = assigned().accepted(T0).reached(CaseStage.FIRST_CONTACT, T0.plusSeconds(1));
        CoordinationCase moved = contacted.assignedTo(to("c-3", T0.plusSeconds(2)), DUE);
        assertThat(moved.status()).isEqualTo(CaseStatus.ASSIGNED);
        assertThat(moved.stage()).isEqualTo(CaseStage.FIRST_CONTACT);
        assertThat(moved.accepted(T0.plusSeconds(3)).nextDueAt()).isNull();
        // declined or let lapse by the new coordinator, it keeps its stage for the next one: stages only go forward
        assertThat(moved.declined(DeclineReason.NO_CAPACITY, null, T0.plusSeconds(4)).stage())
                .isEqualTo(CaseStage.FIRST_CONTACT);
        CoordinationCase lapsed = moved.acceptanceLapsed(T0.plus(Duration.ofDays(5)));
        assertThat(lapsed.stage()).isEqualTo(CaseStage.FIRST_CONTACT);
        assertThatThrownBy(() -> lapsed.assignedTo(to("c-4", T0.plus(Duration.ofDays(5))), DUE).accepted(T0)
                .reached(CaseStage.FIRST_CONTACT, T0)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aLapsedAcceptanceExcludesTheCoordinatorLikeADecline() {
        CoordinationCase lapsed = assigned().acceptanceLapsed(T0.plus(Duration.ofDays(3)));
        assertThat(lapsed.lapses()).singleElement().satisfies(lapse -> {
            assertThat(lapse.coordinatorId()).isEqualTo("c-1");
            assertThat(lapse.acceptanceDueAt()).isEqualTo(Instant.parse("2026-12-03T15:00:00Z"));
        });
        assertThat(lapsed.toAssign().declinedBy()).containsExactly("c-1");
        CoordinationCase next = lapsed.assignedTo(to("c-2", T0.plus(Duration.ofDays(3))), DUE);
        assertThat(next.revision()).isEqualTo(assigned().revision() + 1);
        assertThatThrownBy(() -> assigned().accepted(T0).acceptanceLapsed(T0)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aCaseIsEscalatedOnceUntilANewCoordinatorTakesIt() {
        CoordinationCase accepted = assigned().accepted(T0.plusSeconds(10));
        CoordinationCase escalated = accepted.escalated(EscalationReason.NO_FIRST_CONTACT_IN_TIME,
                T0.plus(Duration.ofDays(20)));
        assertThat(escalated.escalation().bureau()).isEqualTo("kanto");
        assertThat(escalated.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThatThrownBy(() -> escalated.escalated(EscalationReason.NO_FIRST_CONTACT_IN_TIME, T0))
                .isInstanceOf(ConflictException.class);
        // queued, it stays escalated for the regional body; given to someone by hand, it is answered
        CoordinationCase queued = escalated.queued(WHY, T0.plus(Duration.ofDays(21)), "rb");
        assertThat(queued.escalation()).isNotNull();
        assertThat(queued.assignedTo(to("c-3", T0.plus(Duration.ofDays(22))), DUE).escalation()).isNull();
        assertThatThrownBy(() -> escalated.closed(CaseOutcome.OTHER, "r", "rb", T0)
                .escalated(EscalationReason.NO_FIRST_CONTACT_IN_TIME, T0)).isInstanceOf(ConflictException.class);
    }

    @Test
    void firstContactIsOverdueOnlyWhileAcceptedAndNotMade() {
        CoordinationCase accepted = assigned().accepted(T0.plusSeconds(10));
        Instant late = accepted.firstContactDueAt().plusSeconds(1);
        assertThat(accepted.firstContactOverdueAt(late)).isTrue();
        assertThat(accepted.firstContactOverdueAt(accepted.firstContactDueAt())).isFalse();
        assertThat(accepted.reached(CaseStage.FIRST_CONTACT, T0).firstContactOverdueAt(late)).isFalse();
        assertThat(assigned().firstContactOverdueAt(late)).isFalse();
    }
}
