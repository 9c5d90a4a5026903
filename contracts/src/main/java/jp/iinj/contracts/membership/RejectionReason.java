package jp.iinj.contracts.membership;

/** Why an application was rejected. A code, public; the free-text note that goes with it stays in the registry (it may name people). */
public enum RejectionReason {
    NOT_ELIGIBLE,
    INCOMPLETE_APPLICATION,
    DUPLICATE,
    OTHER
}
