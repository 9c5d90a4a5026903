package jp.iinj.contracts.membership;

/** Why a membership was suspended. A code, public; the free-text note that goes with it stays in the registry (it may name people). */
public enum SuspensionReason {
    UNPAID_FEES,
    BREACH_OF_RULES,
    REQUESTED_BY_MEMBER,
    UNDER_INVESTIGATION,
    OTHER
}
