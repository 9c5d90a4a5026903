package jp.iinj.contracts.coordination;

/** Why a case waits in a bureau's queue instead of with a coordinator. */
public enum QueueReason {
    NO_ELIGIBLE_COORDINATOR
}
