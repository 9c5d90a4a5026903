package jp.iinj.coordination.cases;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import jp.iinj.contracts.coordination.CaseOutcome;
import jp.iinj.httpapi.core.validation.FreeText;

/** The bodies of the case workflow. Only what a client may say: no ids of the case, status, revision or times. */
public final class CaseRequests {

    static final String ROSTER_ID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    private CaseRequests() {
    }

    /**
     * The assigned coordinator will not take the case: it goes to the next best, or to the queue.
     *
     * @param note their words, kept in the case (never in events)
     */
    public record Decline(@NotNull(message = "must not be null") DeclineReason reason,
                          @FreeText(max = 1000, multiLine = true) String note) {
    }

    /** The stage the case has reached; later than the current one. */
    public record StageChange(@NotNull(message = "must not be null") CaseStage stage) {
    }

    /** @param reason why it ended so, in words; required, kept in the case */
    public record Closure(@NotNull(message = "must not be null") CaseOutcome outcome,
                          @FreeText(max = 2000, required = true, multiLine = true) String reason) {
    }

    public record NewNote(@FreeText(max = 4000, required = true, multiLine = true) String text) {
    }

    /**
     * Moves the case by hand: to a named coordinator ({@code COORDINATOR} with {@code coordinatorId}), or back to the
     * queue ({@code QUEUE}, without one).
     *
     * @param note why, kept with the assignment's reason
     */
    public record Reassignment(@NotNull(message = "must not be null") Target to,
                               @Pattern(regexp = ROSTER_ID, message = "not a roster id") String coordinatorId,
                               @FreeText(max = 500) String note) {

        public enum Target {
            COORDINATOR,
            QUEUE
        }
    }
}
