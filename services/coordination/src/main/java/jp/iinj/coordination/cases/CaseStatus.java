package jp.iinj.coordination.cases;

/**
 * Where a case is in its life: waiting in its bureaus' queue, assigned and waiting for the coordinator to accept,
 * accepted (then its {@link CaseStage} says how far it got), or closed with an outcome.
 */
public enum CaseStatus {
    QUEUED,
    ASSIGNED,
    ACCEPTED,
    CLOSED;

    public boolean open() {
        return this != CLOSED;
    }
}
