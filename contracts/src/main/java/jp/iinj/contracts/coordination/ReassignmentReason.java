package jp.iinj.contracts.coordination;

/** Why a case moved from one coordinator to another. */
public enum ReassignmentReason {
    DECLINED,
    NOT_ACCEPTED_IN_TIME,
    MANUAL
}
