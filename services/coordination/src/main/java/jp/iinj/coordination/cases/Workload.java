package jp.iinj.coordination.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a coordinator has on their plate, and how a bureau's load is spread. */
public final class Workload {

    private Workload() {
    }

    /**
     * A coordinator's open cases.
     *
     * @param byStage counts by where each case stands: {@code ASSIGNED} (to accept), {@code ACCEPTED} (no stage
     *                yet), then each stage
     * @param cases   most urgent first (soonest due first; cases with nothing due last)
     */
    public record Mine(int open, int capacity, int overdue, Map<String, Integer> byStage, List<Urgency> cases) {
    }

    public record Urgency(String caseId, CaseStatus status, CaseStage stage, Instant nextDueAt, boolean overdue) {
    }

    /**
     * A bureau's load.
     *
     * @param coordinators each active coordinator covering the bureau: open cases against capacity
     * @param unassigned   cases in the bureau's queue
     * @param overdue      open cases of the bureau past a due date
     */
    public record OfBureau(String bureau, List<Load> coordinators, int unassigned, int overdue) {
    }

    public record Load(String coordinatorId, String name, int open, int capacity) {
    }
}
