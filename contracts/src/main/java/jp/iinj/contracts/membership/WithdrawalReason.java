package jp.iinj.contracts.membership;

/** Why a member withdrew. A code, public; the free-text note that goes with it stays in the registry (it may name people). */
public enum WithdrawalReason {
    BUSINESS_CLOSED,
    MERGED_OR_ACQUIRED,
    NO_LONGER_INTERESTED,
    OTHER
}
