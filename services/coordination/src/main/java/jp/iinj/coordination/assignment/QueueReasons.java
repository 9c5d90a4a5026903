package jp.iinj.coordination.assignment;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** Why no coordinator was eligible, counted by cause, so that a regional body knows what to change on its roster. */
final class QueueReasons {

    private QueueReasons() {
    }

    static AssignmentReason nobodyEligible(CaseToAssign assigned, Collection<RosterCandidate> roster, LocalDate today) {
        List<RosterCandidate> covering = roster.stream()
                .filter(candidate -> candidate.bureaus().contains(assigned.firstPartyBureau())
                        || candidate.bureaus().contains(assigned.secondPartyBureau()))
                .toList();
        String bureaus = String.join(", ", assigned.partyBureaus());
        if (covering.isEmpty()) {
            return new AssignmentReason(
                    "担当局（" + bureaus + "）のコーディネーターが名簿にいません。案件は局の待ち行列に入りました。",
                    "No coordinator on the roster covers the parties' bureaus (" + bureaus + "). The case is in the "
                            + "bureau's queue.");
        }
        long away = covering.stream().filter(candidate -> candidate.awayOn(today)).count();
        long full = covering.stream().filter(candidate -> !candidate.belowCapacity()).count();
        long declined = covering.stream()
                .filter(candidate -> assigned.declinedBy().contains(candidate.coordinatorId())).count();
        return new AssignmentReason(
                "担当局（" + bureaus + "）のコーディネーター " + covering.size() + " 名は全員割当不可（不在 " + away
                        + "、上限到達 " + full + "、辞退 " + declined + "）。案件は局の待ち行列に入りました。",
                "None of the " + covering.size() + " coordinators covering " + bureaus + " can take it (away: "
                        + away + ", at capacity: " + full + ", declined: " + declined + "). The case is in the "
                        + "bureau's queue.");
    }
}
