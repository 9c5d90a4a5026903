package jp.iinj.coordination.cases;

/**
 * Why a coordinator declined a case. The same names as the contracts' {@code AssignmentDeclineReason} (coming with
 * the case events), so the event can carry it as is; the coordinator's own words stay in the case.
 */
public enum DeclineReason {
    CONFLICT_OF_INTEREST,
    NO_CAPACITY,
    OUTSIDE_EXPERTISE,
    AWAY,
    OTHER
}
