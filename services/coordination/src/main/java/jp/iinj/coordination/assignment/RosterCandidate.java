package jp.iinj.coordination.assignment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * One coordinator of the roster as the assignment rules see them, with their current workload.
 *
 * @param awayFrom       first day away (Japan's calendar), or null when active
 * @param awayTo         last day away, inclusive, or null when active
 * @param openCases      cases assigned to them and not yet closed
 * @param lastAssignedAt when they were last given a case, or null if never: the rotation's order
 */
public record RosterCandidate(
        String coordinatorId,
        Set<String> bureaus,
        Set<String> technologyFields,
        Set<String> jsicDivisions,
        int capacity,
        LocalDate awayFrom,
        LocalDate awayTo,
        int openCases,
        Instant lastAssignedAt) {

    public RosterCandidate {
        bureaus = Set.copyOf(bureaus);
        technologyFields = Set.copyOf(technologyFields);
        jsicDivisions = Set.copyOf(jsicDivisions);
    }

    /** Away on this day: both ends of the period count as away. */
    public boolean awayOn(LocalDate day) {
        return awayFrom != null && awayTo != null && !day.isBefore(awayFrom) && !day.isAfter(awayTo);
    }

    public boolean belowCapacity() {
        return openCases < capacity;
    }

    /** The same coordinator after being given one more case at {@code at}. */
    public RosterCandidate withCaseAssigned(Instant at) {
        return new RosterCandidate(coordinatorId, bureaus, technologyFields, jsicDivisions, capacity, awayFrom, awayTo,
                openCases + 1, at);
    }
}
