package jp.iinj.coordination.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import jp.iinj.testing.time.MutableClock;

class AssignmentRulesTest {

    /** 10:00 in Tokyo on 1 June 2026, which is still 31 May in UTC until 09:00 there. */
    private static final Instant MORNING_IN_TOKYO =
            ZonedDateTime.of(2026, 6, 1, 10, 0, 0, 0, AssignmentRules.JAPAN).toInstant();
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private final MutableClock clock = MutableClock.at(MORNING_IN_TOKYO);
    private final AssignmentRules rules = new AssignmentRules(clock);

    private static CaseToAssign kantoCase() {
        return new CaseToAssign("case-1", "kanto", "kanto", Set.of("materials"), Set.of("E"), Set.of());
    }

    private static RosterCandidate coordinator(String id, String... bureaus) {
        return new RosterCandidate(id, Set.of(bureaus), Set.of(), Set.of(), 10, null, null, 0, null);
    }

    private static RosterCandidate withExpertise(RosterCandidate candidate, Set<String> fields, Set<String> divisions) {
        return new RosterCandidate(candidate.coordinatorId(), candidate.bureaus(), fields, divisions,
                candidate.capacity(), candidate.awayFrom(), candidate.awayTo(), candidate.openCases(),
                candidate.lastAssignedAt());
    }

    private static RosterCandidate withLoad(RosterCandidate candidate, int open, int capacity) {
        return new RosterCandidate(candidate.coordinatorId(), candidate.bureaus(), candidate.technologyFields(),
                candidate.jsicDivisions(), capacity, candidate.awayFrom(), candidate.awayTo(), open,
                candidate.lastAssignedAt());
    }

    private static RosterCandidate away(RosterCandidate candidate, LocalDate from, LocalDate to) {
        return new RosterCandidate(candidate.coordinatorId(), candidate.bureaus(), candidate.technologyFields(),
                candidate.jsicDivisions(), candidate.capacity(), from, to, candidate.openCases(),
                candidate.lastAssignedAt());
    }

    private static RosterCandidate lastAssigned(RosterCandidate candidate, Instant at) {
        return new RosterCandidate(candidate.coordinatorId(), candidate.bureaus(), candidate.technologyFields(),
                candidate.jsicDivisions(), candidate.capacity(), candidate.awayFrom(), candidate.awayTo(),
                candidate.openCases(), at);
    }

    private AssignmentDecision.Assigned assigned(CaseToAssign assigned, List<RosterCandidate> roster) {
        AssignmentDecision decision = rules.assign(assigned, roster);
        assertThat(decision).isInstanceOf(AssignmentDecision.Assigned.class);
        return (AssignmentDecision.Assigned) decision;
    }

    @Nested
    class Eligibility {

        @Test
        void aCoordinatorOfEitherPartysBureauIsEligibleAndNoOneElse() {
            var crossBureau = new CaseToAssign("c", "kanto", "kinki", Set.of(), Set.of(), Set.of());

            assertThat(assigned(crossBureau, List.of(coordinator("tohoku-1", "tohoku"), coordinator("kinki-1", "kinki")))
                    .coordinatorId()).isEqualTo("kinki-1");
            assertThat(rules.assign(crossBureau, List.of(coordinator("tohoku-1", "tohoku"))))
                    .isInstanceOf(AssignmentDecision.Unassigned.class);
        }

        @Test
        void aCoordinatorAtCapacityIsNotEligibleOneBelowIs() {
            var full = withLoad(withExpertise(coordinator("expert", "kanto"), Set.of("materials"), Set.of("E")), 5, 5);
            var oneLeft = withLoad(coordinator("plain", "kanto"), 4, 5);

            assertThat(assigned(kantoCase(), List.of(full, oneLeft)).coordinatorId()).isEqualTo("plain");
            assertThat(rules.assign(kantoCase(), List.of(full))).isInstanceOf(AssignmentDecision.Unassigned.class);
        }

        @Test
        void awayDaysIncludeBothEndsOfThePeriod() {
            var other = withLoad(coordinator("other", "kanto"), 9, 10);
            var expert = withExpertise(coordinator("expert", "kanto"), Set.of("materials"), Set.of());

            // away from today, to today, and around today: not eligible
            assertThat(assigned(kantoCase(), List.of(away(expert, TODAY, TODAY.plusDays(3)), other)).coordinatorId())
                    .isEqualTo("other");
            assertThat(assigned(kantoCase(), List.of(away(expert, TODAY.minusDays(3), TODAY), other)).coordinatorId())
                    .isEqualTo("other");
            assertThat(assigned(kantoCase(), List.of(away(expert, TODAY, TODAY), other)).coordinatorId())
                    .isEqualTo("other");
            // back yesterday or away only from tomorrow: eligible
            assertThat(assigned(kantoCase(), List.of(away(expert, TODAY.minusDays(5), TODAY.minusDays(1)), other))
                    .coordinatorId()).isEqualTo("expert");
            assertThat(assigned(kantoCase(), List.of(away(expert, TODAY.plusDays(1), TODAY.plusDays(9)), other))
                    .coordinatorId()).isEqualTo("expert");
        }

        @Test
        void todayIsTheDayInJapanNotInUtc() {
            var expert = away(withExpertise(coordinator("expert", "kanto"), Set.of("materials"), Set.of()),
                    TODAY, TODAY);
            var other = coordinator("other", "kanto");
            // 08:59 in Tokyo on 1 June is 31 May 23:59 UTC: the coordinator is already away
            clock.set(ZonedDateTime.of(2026, 6, 1, 8, 59, 0, 0, AssignmentRules.JAPAN).toInstant());
            assertThat(assigned(kantoCase(), List.of(expert, other)).coordinatorId()).isEqualTo("other");
            // 23:59 in Tokyo on 31 May: not yet
            clock.set(ZonedDateTime.of(2026, 5, 31, 23, 59, 0, 0, AssignmentRules.JAPAN).toInstant());
            assertThat(assigned(kantoCase(), List.of(expert, other)).coordinatorId()).isEqualTo("expert");
        }

        @Test
        void withNobodyEligibleTheCaseGoesToTheQueueOfThePartiesBureausWithTheCauses() {
            var crossBureau = new CaseToAssign("c", "kinki", "kanto", Set.of(), Set.of(), Set.of("declined"));
            var roster = List.of(away(coordinator("away", "kanto"), TODAY, TODAY), withLoad(coordinator("full", "kinki"), 3, 3),
                    coordinator("declined", "kanto"), coordinator("elsewhere", "kyushu"));

            AssignmentDecision decision = rules.assign(crossBureau, roster);

            assertThat(decision).isInstanceOf(AssignmentDecision.Unassigned.class);
            var queued = (AssignmentDecision.Unassigned) decision;
            assertThat(queued.queueBureaus()).containsExactly("kinki", "kanto");
            assertThat(queued.reason().en()).contains("None of the 3 coordinators covering kinki, kanto")
                    .contains("away: 1").contains("at capacity: 1").contains("declined: 1");
            assertThat(queued.reason().ja()).contains("待ち行列");
        }

        @Test
        void anEmptyRosterQueuesTheCaseOnce() {
            var queued = (AssignmentDecision.Unassigned) rules.assign(kantoCase(), List.of());

            assertThat(queued.queueBureaus()).containsExactly("kanto");
            assertThat(queued.reason().en()).startsWith("No coordinator on the roster covers");
        }
    }

    @Nested
    class Ranking {

        @Test
        void expertiseOverlapComesFirstCountingFieldsAndDivisions() {
            var bothKinds = withExpertise(withLoad(coordinator("both", "kanto"), 9, 10), Set.of("materials"), Set.of("E"));
            var fieldOnly = withExpertise(coordinator("field", "kanto"), Set.of("materials", "ict"), Set.of("A"));

            var decision = assigned(kantoCase(), List.of(fieldOnly, bothKinds));

            assertThat(decision.coordinatorId()).isEqualTo("both");
            assertThat(decision.code()).isEqualTo(AssignmentReasonCode.EXPERTISE);
            assertThat(decision.reason().en()).contains("(2: E, materials)");
            assertThat(decision.runnersUp()).containsExactly("field");
        }

        @Test
        void onEqualExpertiseCoveringBothPartiesBureausWins() {
            var crossBureau = new CaseToAssign("c", "kanto", "tohoku", Set.of(), Set.of(), Set.of());
            var kantoOnly = coordinator("kanto-only", "kanto");
            var both = withLoad(coordinator("both", "kanto", "tohoku"), 8, 10);

            var decision = assigned(crossBureau, List.of(kantoOnly, both));

            assertThat(decision.coordinatorId()).isEqualTo("both");
            assertThat(decision.code()).isEqualTo(AssignmentReasonCode.SAME_BUREAU);
        }

        @Test
        void theFirstPartysBureauIsNotPreferredOverTheSecondPartys() {
            var crossBureau = new CaseToAssign("c", "kanto", "tohoku", Set.of(), Set.of(), Set.of());
            var kanto = withLoad(coordinator("kanto", "kanto"), 2, 10);
            var tohoku = withLoad(coordinator("tohoku", "tohoku"), 1, 10);

            var decision = assigned(crossBureau, List.of(kanto, tohoku));

            assertThat(decision.coordinatorId()).isEqualTo("tohoku");
            assertThat(decision.code()).isEqualTo(AssignmentReasonCode.LOWEST_LOAD);
        }

        @Test
        void onEqualExpertiseAndBureauTheLowestLoadRatioWinsNotTheFewestCases() {
            var few = withLoad(coordinator("few", "kanto"), 2, 4);   // 50 %
            var many = withLoad(coordinator("many", "kanto"), 3, 10); // 30 %

            var decision = assigned(kantoCase(), List.of(few, many));

            assertThat(decision.coordinatorId()).isEqualTo("many");
            assertThat(decision.code()).isEqualTo(AssignmentReasonCode.LOWEST_LOAD);
            assertThat(decision.reason().en()).contains("3/10 open cases");
        }

        @Test
        void equalLoadRatiosAreTiesEvenWithDifferentCapacities() {
            var small = lastAssigned(withLoad(coordinator("small", "kanto"), 1, 2), MORNING_IN_TOKYO.minusSeconds(60));
            var large = lastAssigned(withLoad(coordinator("large", "kanto"), 5, 10), MORNING_IN_TOKYO.minusSeconds(3600));

            var decision = assigned(kantoCase(), List.of(small, large));

            assertThat(decision.coordinatorId()).isEqualTo("large");
            assertThat(decision.code()).isEqualTo(AssignmentReasonCode.ROTATION);
        }

        @Test
        void onAFullTieTheLeastRecentlyAssignedWinsThenTheNeverAssignedThenTheRosterId() {
            var recent = lastAssigned(coordinator("a-recent", "kanto"), MORNING_IN_TOKYO.minusSeconds(10));
            var earlier = lastAssigned(coordinator("b-earlier", "kanto"), MORNING_IN_TOKYO.minusSeconds(1000));
            var never2 = coordinator("d-never", "kanto");
            var never1 = coordinator("c-never", "kanto");

            assertThat(assigned(kantoCase(), List.of(recent, earlier)).coordinatorId()).isEqualTo("b-earlier");
            var decision = assigned(kantoCase(), List.of(recent, earlier, never2, never1));
            assertThat(decision.coordinatorId()).isEqualTo("c-never");
            assertThat(decision.code()).isEqualTo(AssignmentReasonCode.ROTATION);
            assertThat(decision.runnersUp()).containsExactly("d-never", "b-earlier", "a-recent");
            assertThat(decision.reason().ja()).contains("順番");
        }

        @Test
        void theOnlyEligibleCoordinatorIsSaidToBeTheOnlyOne() {
            var expert = withExpertise(coordinator("expert", "kanto"), Set.of("materials"), Set.of());
            var plain = coordinator("plain", "kanto");

            var decision = assigned(kantoCase(), List.of(expert));
            assertThat(decision.code()).isEqualTo(AssignmentReasonCode.EXPERTISE);
            assertThat(decision.reason().en()).startsWith("The only eligible coordinator.");
            assertThat(decision.reason().ja()).startsWith("唯一");
            assertThat(assigned(kantoCase(), List.of(plain)).code()).isEqualTo(AssignmentReasonCode.SAME_BUREAU);
            var crossBureau = new CaseToAssign("c", "kanto", "tohoku", Set.of(), Set.of(), Set.of());
            assertThat(assigned(crossBureau, List.of(plain)).code()).isEqualTo(AssignmentReasonCode.LOWEST_LOAD);
        }
    }

    @Nested
    class Declines {

        @Test
        void aDeclineHandsTheCaseToTheNextBestAndNeverBack() {
            var best = withExpertise(coordinator("best", "kanto"), Set.of("materials"), Set.of("E"));
            var second = withExpertise(coordinator("second", "kanto"), Set.of("materials"), Set.of());
            var third = coordinator("third", "kanto");
            var roster = List.of(third, best, second);

            var first = assigned(kantoCase(), roster);
            assertThat(first.coordinatorId()).isEqualTo("best");
            assertThat(first.runnersUp()).containsExactly("second", "third");

            var afterDecline = assigned(kantoCase().declinedBy("best"), roster);
            assertThat(afterDecline.coordinatorId()).isEqualTo(first.runnersUp().get(0));

            var afterTwo = assigned(kantoCase().declinedBy("best").declinedBy("second"), roster);
            assertThat(afterTwo.coordinatorId()).isEqualTo("third");
            assertThat(afterTwo.runnersUp()).isEmpty();

            assertThat(rules.assign(kantoCase().declinedBy("best").declinedBy("second").declinedBy("third"), roster))
                    .isInstanceOf(AssignmentDecision.Unassigned.class);
        }

        @Test
        void aDeclineExcludesTheCoordinatorForThatCaseOnly() {
            var only = coordinator("only", "kanto");
            var otherCase = new CaseToAssign("case-2", "kanto", "kanto", Set.of(), Set.of(), Set.of());

            assertThat(rules.assign(kantoCase().declinedBy("only"), List.of(only)))
                    .isInstanceOf(AssignmentDecision.Unassigned.class);
            assertThat(assigned(otherCase, List.of(only)).coordinatorId()).isEqualTo("only");
        }
    }

    @Nested
    class Fairness {

        /** Assigns {@code cases} one after another, a minute apart, updating the roster as a case service would. */
        private Map<String, Integer> assignInTurn(List<RosterCandidate> start, int cases, boolean casesCloseAtOnce) {
            Map<String, RosterCandidate> roster = new LinkedHashMap<>();
            start.forEach(candidate -> roster.put(candidate.coordinatorId(), candidate));
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i < cases; i++) {
                clock.advance(Duration.ofMinutes(1));
                var decision = assigned(new CaseToAssign("case-" + i, "kanto", "kanto", Set.of("materials"), Set.of(),
                        Set.of()), new ArrayList<>(roster.values()));
                counts.merge(decision.coordinatorId(), 1, Integer::sum);
                RosterCandidate chosen = roster.get(decision.coordinatorId()).withCaseAssigned(clock.instant());
                roster.put(chosen.coordinatorId(), casesCloseAtOnce ? withLoad(chosen, 0, chosen.capacity()) : chosen);
            }
            return counts;
        }

        @Test
        void equalCoordinatorsShareAThousandCasesWithinOneOfEachOther() {
            var equals = List.of(coordinator("c7", "kanto"), coordinator("c1", "kanto"), coordinator("c3", "kanto"),
                    coordinator("c9", "kanto"), coordinator("c2", "kanto"), coordinator("c5", "kanto"),
                    coordinator("c4", "kanto"));

            Map<String, Integer> counts = assignInTurn(equals, 1000, true);

            assertThat(counts).hasSize(7);
            int min = counts.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
            int max = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertThat(max - min).isLessThanOrEqualTo(1);
            assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1000);
        }

        @Test
        void withCasesStayingOpenLoadAndRotationStillSpreadThemEvenly() {
            var equals = new ArrayList<RosterCandidate>();
            for (int i = 0; i < 6; i++) {
                equals.add(withLoad(coordinator("k" + i, "kanto"), 0, 200));
            }

            Map<String, Integer> counts = assignInTurn(equals, 1000, false);

            int min = counts.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
            int max = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertThat(max - min).isLessThanOrEqualTo(1);
        }

        @Test
        void anExpertDoesNotTakeEveryCaseOnceAtCapacity() {
            var expert = withLoad(withExpertise(coordinator("expert", "kanto"), Set.of("materials"), Set.of()), 0, 5);
            var others = List.of(expert, withLoad(coordinator("o1", "kanto"), 0, 100), withLoad(coordinator("o2", "kanto"), 0, 100));

            Map<String, Integer> counts = assignInTurn(others, 105, false);

            assertThat(counts.get("expert")).isEqualTo(5);
            assertThat(Math.abs(counts.get("o1") - counts.get("o2"))).isLessThanOrEqualTo(1);
        }
    }
}
