package jp.iinj.contracts.matching;

/** Why a profile's owner declined an expression of interest; the other side is told. */
public enum DeclineReason {
    NOT_RELEVANT,
    NO_CAPACITY,
    ALREADY_PARTNERED,
    INSUFFICIENT_INFORMATION,
    OUTSIDE_TARGET_REGION,
    TERMS_NOT_SUITABLE,
    OTHER
}
