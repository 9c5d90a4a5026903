package jp.iinj.coordination.assignment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chooses the coordinator of a case. Pure: no store, no I/O; "today" comes from the clock, in Japan.
 *
 * <p>Eligible: covers a bureau of either party, not away today (both ends of an away period count), fewer open cases
 * than their capacity, and has not declined this case. Ranked by, in order:
 * <ol>
 *     <li><b>expertise</b>: how many of the case's technology fields and JSIC divisions they share, more first;</li>
 *     <li><b>same bureau</b>: covering the bureaus of <em>both</em> parties first. Chosen over "the first party's
 *     bureau" because a coordinator who covers both sides can meet each in its own region, and because preferring one
 *     side's bureau would send every cross-bureau case to the offering side;</li>
 *     <li><b>lowest load</b>: open cases ÷ capacity, lower first (compared exactly, without rounding);</li>
 *     <li><b>rotation</b>: least recently assigned first (never assigned before anyone), then roster id, so that
 *     equal coordinators take turns.</li>
 * </ol>
 * The reason code is the first of these on which the chosen coordinator beats the next in line. When they are the only
 * eligible one, it is the first rule on which they have anything to show (shared expertise, both bureaus), else
 * {@code lowest-load}.
 */
public final class AssignmentRules {

    /** Away periods are days of the Japanese calendar. */
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private static final Comparator<Instant> OLDEST_FIRST_NEVER_BEFORE_ALL =
            Comparator.nullsFirst(Comparator.naturalOrder());

    private final Clock clock;

    public AssignmentRules(Clock clock) {
        this.clock = clock;
    }

    public AssignmentDecision assign(CaseToAssign assigned, Collection<RosterCandidate> roster) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), JAPAN);
        List<Ranked> ranking = roster.stream()
                .filter(candidate -> coversAParty(candidate, assigned))
                .filter(candidate -> !candidate.awayOn(today))
                .filter(RosterCandidate::belowCapacity)
                .filter(candidate -> !assigned.declinedBy().contains(candidate.coordinatorId()))
                .map(candidate -> Ranked.of(candidate, assigned))
                .sorted(RANKING)
                .toList();
        if (ranking.isEmpty()) {
            return new AssignmentDecision.Unassigned(assigned.partyBureaus(),
                    QueueReasons.nobodyEligible(assigned, roster, today));
        }
        Ranked chosen = ranking.get(0);
        AssignmentReasonCode code = ranking.size() == 1
                ? codeWhenAlone(chosen)
                : decidingRule(chosen, ranking.get(1));
        return new AssignmentDecision.Assigned(chosen.candidate().coordinatorId(), code,
                AssignmentReasons.of(code, chosen, ranking.size() == 1),
                ranking.stream().skip(1).map(ranked -> ranked.candidate().coordinatorId()).toList());
    }

    private static boolean coversAParty(RosterCandidate candidate, CaseToAssign assigned) {
        return candidate.bureaus().contains(assigned.firstPartyBureau())
                || candidate.bureaus().contains(assigned.secondPartyBureau());
    }

    private static final Comparator<Ranked> BY_EXPERTISE =
            Comparator.comparingInt((Ranked ranked) -> ranked.sharedExpertise().size()).reversed();
    private static final Comparator<Ranked> BY_SAME_BUREAU =
            Comparator.comparing((Ranked ranked) -> !ranked.coversBothParties());
    private static final Comparator<Ranked> BY_LOAD = (a, b) -> Long.compare(
            (long) a.candidate().openCases() * b.candidate().capacity(),
            (long) b.candidate().openCases() * a.candidate().capacity());
    private static final Comparator<Ranked> BY_ROTATION =
            Comparator.comparing((Ranked ranked) -> ranked.candidate().lastAssignedAt(), OLDEST_FIRST_NEVER_BEFORE_ALL)
                    .thenComparing(ranked -> ranked.candidate().coordinatorId());
    private static final Comparator<Ranked> RANKING =
            BY_EXPERTISE.thenComparing(BY_SAME_BUREAU).thenComparing(BY_LOAD).thenComparing(BY_ROTATION);

    private static AssignmentReasonCode decidingRule(Ranked chosen, Ranked next) {
        if (BY_EXPERTISE.compare(chosen, next) != 0) {
            return AssignmentReasonCode.EXPERTISE;
        }
        if (BY_SAME_BUREAU.compare(chosen, next) != 0) {
            return AssignmentReasonCode.SAME_BUREAU;
        }
        if (BY_LOAD.compare(chosen, next) != 0) {
            return AssignmentReasonCode.LOWEST_LOAD;
        }
        return AssignmentReasonCode.ROTATION;
    }

    private static AssignmentReasonCode codeWhenAlone(Ranked chosen) {
        if (!chosen.sharedExpertise().isEmpty()) {
            return AssignmentReasonCode.EXPERTISE;
        }
        if (chosen.coversBothParties()) {
            return AssignmentReasonCode.SAME_BUREAU;
        }
        return AssignmentReasonCode.LOWEST_LOAD;
    }

    /**
     * An eligible coordinator with what counts for the case.
     *
     * @param sharedExpertise the case's technology fields and JSIC divisions they have, sorted
     */
    record Ranked(RosterCandidate candidate, Set<String> sharedExpertise, boolean coversBothParties) {

        static Ranked of(RosterCandidate candidate, CaseToAssign assigned) {
            Set<String> shared = new TreeSet<>();
            assigned.technologyFields().stream().filter(candidate.technologyFields()::contains).forEach(shared::add);
            assigned.jsicDivisions().stream().filter(candidate.jsicDivisions()::contains).forEach(shared::add);
            boolean both = candidate.bureaus().contains(assigned.firstPartyBureau())
                    && candidate.bureaus().contains(assigned.secondPartyBureau());
            return new Ranked(candidate, shared, both);
        }
    }
}
