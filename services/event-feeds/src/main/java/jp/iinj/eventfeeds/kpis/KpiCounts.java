package jp.iinj.eventfeeds.kpis;

import java.util.ArrayList;
import java.util.List;

/**
 * What happened in one cell (or one event's share of it). Members are net changes of each status (a member approved
 * moves one from {@code applied} to {@code active}), so a running sum over months gives the members by status at the
 * end of each; the rest are counts of events; {@code firstContactSeconds} are the times to first contact of the cases
 * whose first contact fell here (a median needs them all).
 */
public record KpiCounts(
        long applied,
        long active,
        long rejected,
        long suspended,
        long withdrawn,
        long lapsed,
        long registrations,
        long profilesPublished,
        long proposals,
        long interests,
        long agreements,
        long casesClosed,
        long casesClosedWithAgreement,
        long escalations,
        List<Long> firstContactSeconds) {

    public static final KpiCounts NONE = new KpiCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of());

    public KpiCounts {
        firstContactSeconds = List.copyOf(firstContactSeconds == null ? List.of() : firstContactSeconds);
    }

    public KpiCounts plus(KpiCounts other) {
        List<Long> seconds = firstContactSeconds;
        if (!other.firstContactSeconds.isEmpty()) {
            seconds = new ArrayList<>(firstContactSeconds);
            seconds.addAll(other.firstContactSeconds);
        }
        return new KpiCounts(applied + other.applied, active + other.active, rejected + other.rejected,
                suspended + other.suspended, withdrawn + other.withdrawn, lapsed + other.lapsed,
                registrations + other.registrations, profilesPublished + other.profilesPublished,
                proposals + other.proposals, interests + other.interests, agreements + other.agreements,
                casesClosed + other.casesClosed, casesClosedWithAgreement + other.casesClosedWithAgreement,
                escalations + other.escalations, seconds);
    }

    /** One member more ({@code +1}) or fewer ({@code -1}) in {@code status}. */
    static KpiCounts member(MemberStatus status, long change) {
        return new KpiCounts(status == MemberStatus.APPLIED ? change : 0, status == MemberStatus.ACTIVE ? change : 0,
                status == MemberStatus.REJECTED ? change : 0, status == MemberStatus.SUSPENDED ? change : 0,
                status == MemberStatus.WITHDRAWN ? change : 0, status == MemberStatus.LAPSED ? change : 0,
                0, 0, 0, 0, 0, 0, 0, 0, List.of());
    }

    static KpiCounts registration() {
        return new KpiCounts(0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, List.of());
    }

    static KpiCounts profilePublished() {
        return new KpiCounts(0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, List.of());
    }

    static KpiCounts proposal() {
        return new KpiCounts(0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, List.of());
    }

    static KpiCounts interest() {
        return new KpiCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, List.of());
    }

    static KpiCounts agreement() {
        return new KpiCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, List.of());
    }

    static KpiCounts caseClosed(boolean withAgreement) {
        return new KpiCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, withAgreement ? 1 : 0, 0, List.of());
    }

    static KpiCounts escalation() {
        return new KpiCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, List.of());
    }

    static KpiCounts firstContact(long seconds) {
        return new KpiCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(seconds));
    }
}
