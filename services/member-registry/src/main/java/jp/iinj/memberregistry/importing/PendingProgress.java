package jp.iinj.memberregistry.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcomes of a running import that its status does not show yet. Rows finish on several threads; the status
 * writes drain it, one at a time.
 */
final class PendingProgress {

    private final int maxStoredErrors;
    private final List<RowOutcome> outcomes = new ArrayList<>();
    private int storedErrors;

    PendingProgress(int maxStoredErrors) {
        this.maxStoredErrors = maxStoredErrors;
    }

    synchronized void add(RowOutcome outcome) {
        outcomes.add(outcome);
    }

    /** What to add to the status now; the errors beyond the status's maximum are only counted as dropped. */
    synchronized ProgressDelta drain() {
        ProgressDelta delta = ProgressDelta.of(outcomes, maxStoredErrors - storedErrors);
        storedErrors += delta.errors().size();
        outcomes.clear();
        return delta;
    }
}
