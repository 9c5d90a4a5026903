package jp.iinj.contracts.coordination;

/** Why a case was escalated to its bureau's regional body. */
public enum EscalationReason {
    NOT_ACCEPTED_IN_TIME,
    NO_FIRST_CONTACT_IN_TIME,
    NO_ELIGIBLE_COORDINATOR
}
