package jp.iinj.contracts.coordination;

/** Why a coordinator declined a case; the coordinator's own words stay in coordination. */
public enum AssignmentDeclineReason {
    CONFLICT_OF_INTEREST,
    NO_CAPACITY,
    OUTSIDE_EXPERTISE,
    AWAY,
    OTHER
}
