package jp.iinj.memberregistry.importing;

/** Where an import stands. */
public enum ImportState {
    /** Rows are being imported; the counters grow. */
    RUNNING,
    /** Every row was read; each was imported, found registered already, or rejected with its errors. */
    COMPLETED,
    /**
     * Stopped before the end ({@code failureReason}): the file turned out malformed, or the instance running it
     * stopped. Rows counted as imported stay imported; importing the file again completes it.
     */
    FAILED
}
